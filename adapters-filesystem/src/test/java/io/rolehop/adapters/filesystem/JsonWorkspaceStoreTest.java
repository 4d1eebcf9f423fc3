package io.rolehop.adapters.filesystem;

import static io.rolehop.adapters.filesystem.TestFiles.bytes;
import static io.rolehop.adapters.filesystem.TestFiles.mode;
import static io.rolehop.adapters.filesystem.TestFiles.read;
import static io.rolehop.adapters.filesystem.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolehop.application.OperationFailedException;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.DeliveryMode;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import io.rolehop.domain.Session;
import io.rolehop.domain.Workspace;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonWorkspaceStoreTest {
    @TempDir
    Path dir;

    private Path home() {
        return dir.resolve("rolehop-home");
    }

    private Path file() {
        return home().resolve("workspace.json");
    }

    private Path bak() {
        return home().resolve("workspace.json.bak");
    }

    /** A user, a role chained from it, a role chained from that one (pending), on three profiles. */
    private static Workspace sample() {
        Workspace w = new Workspace();
        Session user = Session.create(
                Alias.of("me"),
                AccessMethodId.of("aws-iam-user"),
                NamedProfile.DEFAULT,
                Region.of("eu-west-1"),
                Optional.empty(),
                Map.of("accessKeyId", "AKIAIOSFODNN7EXAMPLE", "mfaDevice", "arn:aws:iam::123456789012:mfa/me"));
        Session admin = Session.create(
                Alias.of("prod admin"),
                AccessMethodId.of("aws-iam-role-chained"),
                NamedProfile.of("prod"),
                Region.of("us-gov-west-1"),
                Optional.of(user.id()),
                Map.of("roleArn", "arn:aws:iam::210987654321:role/Admin", "roleSessionName", "me@corp"));
        Session deeper = Session.create(
                Alias.of("äudit/ro"),
                AccessMethodId.of("aws-iam-role-chained"),
                NamedProfile.of("audit"),
                Region.of("cn-north-1"),
                Optional.of(admin.id()),
                Map.of("roleArn", "arn:aws-cn:iam::111122223333:role/ReadOnly"));
        w.add(user);
        w.add(admin);
        w.add(deeper.pending());
        w.activate(admin.id(), Instant.parse("2030-05-06T07:08:09Z"), DeliveryMode.CREDENTIAL_PROCESS);
        w.addProfile(NamedProfile.of("spare"));
        w.setDefaultRegion(Region.of("eu-central-1"));
        w.putSetting("refresh-margin-seconds", "600");
        w.putSetting("mfa-process", "ykman oath accounts code");
        return w;
    }

    @Test
    void aMissingFileIsAnEmptyWorkspaceAndLoadCreatesNothing() {
        Workspace w = new JsonWorkspaceStore(file()).load();

        assertTrue(w.sessions().isEmpty());
        assertEquals(List.of(NamedProfile.DEFAULT), w.profiles());
        assertFalse(Files.exists(home()));
    }

    @Test
    void roundTripsEverythingThroughANewInstance() throws Exception {
        Workspace original = sample();
        new JsonWorkspaceStore(file()).update(w -> {
            original.sessions().forEach(w::add);
            original.profiles().forEach(w::addProfile);
            w.setDefaultRegion(original.defaultRegion());
            original.settings().forEach(w::putSetting);
            return null;
        });

        Workspace loaded = new JsonWorkspaceStore(file()).load();

        assertEquals(original.sessions(), loaded.sessions());
        assertEquals(original.profiles(), loaded.profiles());
        assertEquals(original.defaultRegion(), loaded.defaultRegion());
        assertEquals(original.settings(), loaded.settings());
        JsonNode json = new ObjectMapper().readTree(file().toFile());
        assertEquals(1, json.get("schemaVersion").intValue());
        assertEquals("pending", json.get("sessions").get(2).get("status").textValue());
        assertEquals("active", json.get("sessions").get(1).get("status").textValue());
        assertEquals(
                "2030-05-06T07:08:09Z",
                json.get("sessions").get(1).get("expiration").textValue());
        assertEquals(
                original.sessions().get(0).id().value(),
                json.get("sessions").get(1).get("assumer").textValue());
    }

    @Test
    void theFileIs0600InAHome0700AndTheUpdateResultIsReturned() {
        String result = new JsonWorkspaceStore(file()).update(w -> "done");

        assertEquals("done", result);
        assertEquals("rw-------", mode(file()));
        assertEquals("rwx------", mode(home()));
    }

    @Test
    void keepsThePreviousVersionAsBak() {
        JsonWorkspaceStore store = new JsonWorkspaceStore(file());
        store.update(w -> {
            w.setDefaultRegion(Region.of("eu-west-2"));
            return null;
        });
        byte[] first = bytes(file());
        store.update(w -> {
            w.setDefaultRegion(Region.of("eu-west-3"));
            return null;
        });

        assertArrayEquals(first, bytes(bak()));
        assertEquals("rw-------", mode(bak()));
        assertEquals(Region.of("eu-west-3"), store.load().defaultRegion());

        // An update that changes nothing leaves both files alone, so the .bak stays the real previous version.
        byte[] second = bytes(file());
        store.update(w -> w.defaultRegion());
        assertArrayEquals(second, bytes(file()));
        assertArrayEquals(first, bytes(bak()));
    }

    @Test
    void aChangeThatThrowsSavesNothing() {
        JsonWorkspaceStore store = new JsonWorkspaceStore(file());
        store.update(w -> {
            w.putSetting("a", "1");
            return null;
        });
        byte[] before = bytes(file());

        assertThrows(
                IllegalStateException.class,
                () -> store.update(w -> {
                    w.putSetting("a", "2");
                    throw new IllegalStateException("boom");
                }));

        assertArrayEquals(before, bytes(file()));
        assertEquals("1", store.load().setting("a").orElseThrow());
    }

    @Test
    void aCorruptFileIsReportedWithItsBackupAndNeverOverwritten() {
        write(file(), "{\"schemaVersion\": 1, \"sessions\": [");
        write(
                bak(),
                "{\"schemaVersion\": 1, \"defaultRegion\": \"us-east-1\", \"profiles\": [], \"settings\": {},"
                        + " \"sessions\": []}");
        JsonWorkspaceStore store = new JsonWorkspaceStore(file());

        var onLoad = assertThrows(OperationFailedException.class, store::load);
        var onUpdate = assertThrows(OperationFailedException.class, () -> store.update(w -> null));

        for (var e : List.of(onLoad, onUpdate)) {
            assertTrue(
                    e.getMessage().startsWith("cannot read the workspace " + file() + ": it is not valid JSON"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("the file was left untouched: fix it or move it away"), e.getMessage());
            assertTrue(e.getMessage().contains("the previous version is in " + bak()), e.getMessage());
        }
        assertEquals("{\"schemaVersion\": 1, \"sessions\": [", read(file()));
    }

    @Test
    void aFileFromANewerSchemaIsLeftUntouched() {
        String newer = "{\"schemaVersion\": 2, \"somethingNew\": true}";
        write(file(), newer);
        JsonWorkspaceStore store = new JsonWorkspaceStore(file());

        var e = assertThrows(OperationFailedException.class, () -> store.update(w -> null));

        assertTrue(e.getMessage().contains("written by a newer rolehop (schema version 2"), e.getMessage());
        assertTrue(
                e.getMessage().contains(file().toString()) && e.getMessage().contains("left untouched"),
                e.getMessage());
        assertTrue(e.getMessage().contains("rolehop then starts with an empty workspace"), e.getMessage());
        assertEquals(newer, read(file()));
        assertFalse(Files.exists(bak()));
    }

    @Test
    void contentThatBreaksTheWorkspaceRulesIsReportedToo() {
        String id = "0b7c6a52-2c1e-4b5e-9d43-1f6f1c9a0a01";
        String missing = "7d0f2f7c-8d55-4d8a-a0b3-5e3c2b1a0f99";
        List<String> broken = List.of(
                "[]",
                "",
                "{\"schemaVersion\": \"1\"}",
                "{\"schemaVersion\": 1, \"defaultRegion\": \"mars-1\", \"profiles\": [], \"settings\": {}, \"sessions\": []}",
                "{\"schemaVersion\": 1, \"defaultRegion\": \"us-east-1\", \"profiles\": [], \"settings\": {},"
                        + " \"sessions\": [], \"sessions\": []}",
                "{\"schemaVersion\": 1, \"defaultRegion\": \"us-east-1\", \"profiles\": [], \"settings\": {},"
                        + " \"sessions\": [], \"extra\": 1}",
                "{\"schemaVersion\": 1, \"defaultRegion\": \"us-east-1\", \"profiles\": [], \"settings\": {},"
                        + " \"sessions\": [{\"id\": \"" + id
                        + "\", \"alias\": \"a\", \"method\": \"aws-iam-role-chained\","
                        + " \"profile\": \"default\", \"region\": \"us-east-1\", \"status\": \"inactive\","
                        + " \"assumer\": \"" + missing + "\", \"attributes\": {}}]}",
                "{\"schemaVersion\": 1, \"defaultRegion\": \"us-east-1\", \"profiles\": [], \"settings\": {},"
                        + " \"sessions\": [{\"id\": \"" + id + "\", \"alias\": \"a\", \"method\": \"aws-iam-user\","
                        + " \"profile\": \"default\", \"region\": \"us-east-1\", \"status\": \"sleeping\","
                        + " \"attributes\": {}}]}");
        for (String text : broken) {
            write(file(), text);
            var e = assertThrows(OperationFailedException.class, () -> new JsonWorkspaceStore(file()).load(), text);
            assertTrue(e.getMessage().startsWith("cannot read the workspace " + file() + ": "), e.getMessage());
            assertTrue(e.getMessage().contains("left untouched"), e.getMessage());
            assertEquals(text, read(file()));
        }
    }

    @Test
    void updateGivesUpWhenAnotherHolderKeepsTheLock() throws Exception {
        JsonWorkspaceStore store = new JsonWorkspaceStore(file(), Duration.ofMillis(300));
        store.update(w -> null);
        Path lockFile = home().resolve("workspace.json.lock");

        ExecutorService holder = Executors.newSingleThreadExecutor();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            holder.submit(() -> channel.lock()).get();
            var e = assertThrows(OperationFailedException.class, () -> store.update(w -> null));
            assertEquals(file() + " is locked by another process for more than 300 ms; try again", e.getMessage());
        } finally {
            holder.shutdownNow();
        }
    }

    @Test
    void concurrentUpdatesAreSerialised() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                JsonWorkspaceStore own = new JsonWorkspaceStore(file());
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        own.update(w -> {
                            int n = Integer.parseInt(w.setting("counter").orElse("0"));
                            w.putSetting("counter", String.valueOf(n + 1));
                            return null;
                        });
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                "40", new JsonWorkspaceStore(file()).load().setting("counter").orElseThrow());
    }

    @Test
    void aNestedUpdateIsAProgrammingErrorNotADeadlock() {
        JsonWorkspaceStore store = new JsonWorkspaceStore(file());
        assertThrows(IllegalStateException.class, () -> store.update(w -> store.update(inner -> null)));
    }
}
