package io.rolehop.cli.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolehop.adapters.filesystem.JsonWorkspaceStore;
import io.rolehop.application.OperationFailedException;
import io.rolehop.domain.Session;
import io.rolehop.domain.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm path's workspace reader accepts exactly the files {@code JsonWorkspaceStore} accepts, and finds the same
 * session and refresh margin in them. Checked on random workspaces broken in every way the store or the domain
 * refuses: bad values, wrong types, unknown and missing fields, duplicate ids and aliases, missing assumers, cycles,
 * two active sessions on one profile, bad settings, other schema versions.
 */
class WorkspaceReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @TempDir
    Path dir;

    @Test
    void agreesWithTheWorkspaceStoreOnRandomWorkspaces() throws Exception {
        Random random = new Random(42);
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 3_000; i++) {
            ObjectNode root = workspace(random);
            if (random.nextInt(3) > 0) {
                breakOne(root, random);
            }
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
            Optional<Workspace> expected = load(bytes);
            Optional<WorkspaceReader.Snapshot> actual = WorkspaceReader.read(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertEquals(expected.isPresent(), actual.isPresent(), () -> "store and warm reader disagree on\n" + text);
            if (expected.isEmpty()) {
                refused++;
                continue;
            }
            accepted++;
            Workspace workspace = expected.get();
            assertEquals(workspace.refreshMargin().getSeconds(), actual.get().refreshMarginSeconds(), text);
            // The lean path's workspace is the store's, session for session.
            Workspace lean = actual.get().workspace();
            assertEquals(workspace.sessions(), lean.sessions(), text);
            assertEquals(workspace.profiles(), lean.profiles(), text);
            assertEquals(workspace.defaultRegion(), lean.defaultRegion(), text);
            assertEquals(workspace.settings(), lean.settings(), text);
            List<String> names =
                    new ArrayList<>(List.of("nobody", UUID.randomUUID().toString(), ""));
            for (Session s : workspace.sessions()) {
                names.add(s.alias().value());
                names.add(s.id().value());
            }
            for (String name : names) {
                assertEquals(
                        workspace.find(name).map(s -> s.id().value()),
                        actual.get().find(name),
                        () -> "find(" + name + ") in\n" + text);
            }
        }
        assertTrue(accepted > 500 && refused > 500, "accepted " + accepted + ", refused " + refused);
    }

    @Test
    void anotherSessionsIdWinsOverAStoredAliasShapedLikeIt() throws Exception {
        ObjectNode root = workspace(new Random(1), 2);
        ArrayNode sessions = (ArrayNode) root.get("sessions");
        String secondId = sessions.get(1).get("id").asText();
        ((ObjectNode) sessions.get(0)).put("alias", secondId);
        byte[] bytes = JSON.writeValueAsBytes(root);
        Workspace workspace = load(bytes).orElseThrow();
        assertEquals(
                workspace.find(secondId).map(s -> s.id().value()),
                WorkspaceReader.read(bytes).orElseThrow().find(secondId));
        assertEquals(
                Optional.of(secondId), WorkspaceReader.read(bytes).orElseThrow().find(secondId));
    }

    private Optional<Workspace> load(byte[] bytes) throws Exception {
        Path file = Files.createTempFile(dir, "workspace", ".json");
        Files.write(file, bytes);
        try {
            return Optional.of(new JsonWorkspaceStore(file).load());
        } catch (OperationFailedException e) {
            return Optional.empty();
        }
    }

    private static ObjectNode workspace(Random random) {
        return workspace(random, random.nextInt(6));
    }

    /** A valid workspace of {@code count} sessions: a forest of chains, some active on distinct profiles. */
    private static ObjectNode workspace(Random random, int count) {
        ObjectNode root = NODES.objectNode();
        root.put("schemaVersion", 1);
        root.put("defaultRegion", pick(random, "us-east-1", "eu-west-2", "cn-north-1", "us-gov-west-1"));
        ArrayNode profiles = root.putArray("profiles");
        profiles.add("default");
        ObjectNode settings = root.putObject("settings");
        if (random.nextBoolean()) {
            settings.put("refresh-margin-seconds", String.valueOf(random.nextInt(43_201)));
        }
        if (random.nextBoolean()) {
            settings.put("default-mode", "credential-process");
        }
        ArrayNode sessions = root.putArray("sessions");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            ObjectNode s = sessions.addObject();
            s.put("id", id);
            s.put("alias", pick(random, "dev", "ops admin", "prod@eu", "x", "r" + i + "-" + random.nextInt(9)) + i);
            s.put("method", i == 0 || random.nextInt(4) == 0 ? "aws-iam-user" : "aws-iam-role-chained");
            String profile = "p" + i;
            s.put("profile", profile);
            profiles.add(profile);
            s.put("region", pick(random, "us-east-1", "eu-west-1", "ap-south-1"));
            s.put("status", pick(random, "inactive", "active", "pending"));
            if (random.nextBoolean()) {
                s.put("mode", pick(random, "file", "credential-process", " FILE "));
            }
            if (!ids.isEmpty() && random.nextBoolean()) {
                s.put("assumer", ids.get(random.nextInt(ids.size())));
            } else if (random.nextInt(4) == 0) {
                s.putNull("assumer");
            }
            ObjectNode attributes = s.putObject("attributes");
            if (random.nextBoolean()) {
                attributes.put("role-arn", "arn:aws:iam::123456789012:role/r" + i);
            }
            if (random.nextBoolean()) {
                s.put("expiration", "2026-11-28T05:47:49." + random.nextInt(1000) + "Z");
            } else if (random.nextInt(4) == 0) {
                s.putNull("expiration");
            }
            ids.add(id);
        }
        return root;
    }

    /** One change that the store, the domain or neither refuses. */
    private static void breakOne(ObjectNode root, Random random) {
        ArrayNode sessions = (ArrayNode) root.get("sessions");
        ObjectNode session = sessions.isEmpty() ? null : (ObjectNode) sessions.get(random.nextInt(sessions.size()));
        int kind = random.nextInt(30);
        if (session == null && kind >= 10) {
            kind = random.nextInt(10);
        }
        switch (kind) {
            case 0 -> root.put("schemaVersion", pick(random, 0, 2, -1));
            case 1 -> root.put("schemaVersion", "1");
            case 2 -> root.put("schemaVersion", 1.0);
            case 3 -> root.put("extra", true);
            case 4 -> root.remove(pick(random, "defaultRegion", "profiles", "settings", "sessions", "schemaVersion"));
            case 5 -> root.put("defaultRegion", pick(random, "mars-1", "US-EAST-1", ""));
            case 6 -> ((ArrayNode) root.get("profiles")).add(pick(random, "bad profile", "-x", "ok.profile"));
            case 7 ->
                ((ObjectNode) root.get("settings"))
                        .put(
                                "refresh-margin-seconds",
                                pick(random, "43201", "-1", "1e3", "", "123456", "43200", "0", "٣"));
            case 8 -> ((ObjectNode) root.get("settings")).put("other", 5);
            case 9 -> root.putNull("defaultRegion");
            case 10 ->
                session.put(
                        "id",
                        pick(random, "not-a-uuid", UUID.randomUUID().toString().toUpperCase()));
            case 11 -> session.put("alias", pick(random, " lead", "trail ", "", "x".repeat(65), "ok alias"));
            case 12 -> session.put("method", pick(random, "Bad", "a", "custom-plugin-method"));
            case 13 -> session.put("profile", pick(random, "a b", "", "fine"));
            case 14 -> session.put("region", pick(random, "nowhere", "eu-west-1"));
            case 15 -> session.put("status", pick(random, "ACTIVE", "stopped", ""));
            case 16 -> session.put("mode", pick(random, "fil", "CREDENTIAL-PROCESS", ""));
            case 17 -> session.putNull("mode");
            case 18 ->
                session.put("expiration", pick(random, "yesterday", "2026-11-28T05:47:49", "2026-11-28T05:47:49Z"));
            case 19 -> session.put(pick(random, "color", "Alias", "secret"), "x");
            case 20 ->
                session.remove(pick(random, "id", "alias", "method", "profile", "region", "status", "attributes"));
            case 21 -> session.put("assumer", UUID.randomUUID().toString());
            case 22 -> session.put("assumer", session.get("id").asText());
            case 23 -> {
                // A cycle: the first session assumes from the last, which (perhaps) depends on it.
                ((ObjectNode) sessions.get(0))
                        .put(
                                "assumer",
                                sessions.get(sessions.size() - 1).get("id").asText());
            }
            case 24 -> {
                ObjectNode copy = session.deepCopy();
                copy.put("id", UUID.randomUUID().toString());
                copy.put("profile", "another");
                sessions.add(copy); // same alias
            }
            case 25 -> {
                ObjectNode copy = session.deepCopy();
                copy.put("alias", "another alias");
                sessions.add(copy); // same id
            }
            case 26 -> {
                for (var s : sessions) {
                    ((ObjectNode) s).put("status", "active");
                    ((ObjectNode) s).put("profile", "shared");
                }
            }
            case 27 -> ((ObjectNode) session.get("attributes")).put("n", 1);
            case 28 -> session.put("attributes", "none");
            default -> session.put("id", 7);
        }
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }
}
