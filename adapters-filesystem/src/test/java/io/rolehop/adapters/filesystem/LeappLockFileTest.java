package io.rolehop.adapters.filesystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.UsageException;
import io.rolehop.application.port.out.LeappWorkspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leapp's file as {@code openssl enc -aes-256-cbc -md md5} writes it, which is what CryptoJS writes. */
class LeappLockFileTest {
    private static final String JSON = "{\"_sessions\":[{\"sessionId\":\"s1\",\"sessionName\":\"u\",\"type\":"
            + "\"awsIamUser\",\"region\":\"eu-west-1\",\"profileId\":\"p1\",\"mfaDevice\":\"\"}],"
            + "\"_profiles\":[{\"id\":\"p1\",\"name\":\"default\"}],\"_defaultRegion\":\"eu-west-2\"}";

    @TempDir
    Path dir;

    @Test
    void decryptsWithTheFirstLineOfTheFirstMachineIdFileThatHasOne() throws Exception {
        Path dbus = dir.resolve("dbus-machine-id");
        Path etc = dir.resolve("etc-machine-id");
        Files.writeString(etc, "ABCDEF0123456789abcdef0123456789\nsecond line\n");
        Path file = encrypted(LeappLockFile.passphrase("abcdef0123456789abcdef0123456789"));
        LeappLockFile reader = new LeappLockFile(dir.resolve("none"), List.of(dbus, etc));
        LeappWorkspace w = reader.read(Optional.of(file), Optional.empty());
        assertEquals(Optional.of("eu-west-2"), w.defaultRegion());
        assertEquals("u", w.sessions().get(0).name());
        assertEquals(Optional.empty(), w.sessions().get(0).field("mfaDevice"), "empty values are left out");
        assertEquals(List.of(new LeappWorkspace.Profile("p1", "default")), w.profiles());
    }

    @Test
    void aWrongMachineIdOrAFileThatIsNotLeappsSaysWhatToDo() throws Exception {
        Path file = encrypted(LeappLockFile.passphrase("aaaa"));
        LeappLockFile reader = new LeappLockFile(dir.resolve("none"), List.of());
        OperationFailedException wrong =
                assertThrows(OperationFailedException.class, () -> reader.read(Optional.of(file), Optional.of("bbbb")));
        assertTrue(wrong.getMessage().contains("--machine-id"), wrong.getMessage());
        Path plain = dir.resolve("plain");
        Files.writeString(plain, JSON);
        assertThrows(UsageException.class, () -> reader.read(Optional.of(plain), Optional.of("aaaa")));
        UsageException missing =
                assertThrows(UsageException.class, () -> reader.read(Optional.empty(), Optional.of("aaaa")));
        assertTrue(missing.getMessage().contains("--file"), missing.getMessage());
    }

    private Path encrypted(String passphrase) throws Exception {
        Path plain = dir.resolve("in.json");
        Path out = dir.resolve("Leapp-lock.json");
        Files.writeString(plain, JSON);
        Process p = new ProcessBuilder(
                        "openssl",
                        "enc",
                        "-aes-256-cbc",
                        "-md",
                        "md5",
                        "-a",
                        "-A",
                        "-pass",
                        "pass:" + passphrase,
                        "-in",
                        plain.toString(),
                        "-out",
                        out.toString())
                .redirectErrorStream(true)
                .start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), said);
        return out;
    }
}
