package io.rolehop.adapters.filesystem;

import static io.rolehop.adapters.filesystem.TestFiles.credentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rolehop.application.OperationFailedException;
import io.rolehop.domain.NamedProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A path that names a device, a FIFO or a directory (itself or through a link) is refused by every file rolehop reads
 * and replaces: the AWS files, the workspace and the vault. The node stays what it was, and a FIFO blocks nothing.
 */
class IrregularFilesTest {
    private static final Duration NEVER_BLOCKS = Duration.ofSeconds(20);
    private static final NamedProfile DEV = NamedProfile.of("dev");

    @TempDir
    Path dir;

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    }

    private Path fifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        run("mkfifo", fifo.toString());
        return fifo;
    }

    /** A character device like /dev/null (major 1, minor 3), made in the temporary directory; needs root. */
    private Path nullDevice(String name) throws Exception {
        Path device = dir.resolve(name);
        Process p = new ProcessBuilder("mknod", device.toString(), "c", "1", "3")
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        assumeTrue(p.waitFor() == 0, "making a device node needs root");
        return device;
    }

    private static boolean isCharacterDevice(Path path) throws IOException {
        return ((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000) == 0020000;
    }

    private static boolean isFifo(Path path) throws IOException {
        return ((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000) == 0010000;
    }

    /** Every use of a file rolehop reads or replaces, pointed at {@code path}. */
    private static Map<String, Consumer<Path>> uses() {
        return Map.of(
                "credentials start", p -> new IniCredentialsFile(p).write(DEV, credentials("A"), false),
                "credentials check", p -> new IniCredentialsFile(p).checkWritable(DEV, false),
                "credentials stop", p -> new IniCredentialsFile(p).remove(DEV),
                "config start", p -> new IniConfigFile(p).write(DEV, Map.of("region", "eu-west-1"), false),
                "workspace read", p -> new JsonWorkspaceStore(p).load(),
                "workspace write", p -> new JsonWorkspaceStore(p).update(w -> w),
                "vault read", p -> new EncryptedFileSecretStore(p, IrregularFilesTest::passphrase).get("k"),
                "vault write", p -> new EncryptedFileSecretStore(p, IrregularFilesTest::passphrase).put("k", "v"));
    }

    private static Optional<char[]> passphrase() {
        return Optional.of("pass phrase".toCharArray());
    }

    private static void assertRefused(Path named, String kind) {
        uses().forEach((use, action) -> {
            OperationFailedException e = assertTimeoutPreemptively(
                    NEVER_BLOCKS,
                    () -> assertThrows(OperationFailedException.class, () -> action.accept(named), use),
                    use + " blocked on " + named);
            assertTrue(e.getMessage().startsWith(named.toString()), use + ": " + e.getMessage());
            assertTrue(e.getMessage().contains(kind + ", not a regular file"), use + ": " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line");
        });
    }

    @Test
    void aCharacterDeviceIsRefusedAndStaysADevice() throws Exception {
        Path device = nullDevice("null");
        assertRefused(device, "a character device");
        assertTrue(isCharacterDevice(device), "the device node was replaced");
    }

    @Test
    void aLinkToACharacterDeviceIsRefusedAndTheDeviceStays() throws Exception {
        Path device = nullDevice("null");
        Path link = dir.resolve("aws/credentials");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, device);
        assertRefused(link, "a character device");
        assertTrue(isCharacterDevice(device), "the device node was replaced");
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void theRealDevNullIsRefusedToo() throws Exception {
        // Only once a device of our own has survived, so that a regression cannot replace the machine's /dev/null.
        Path device = nullDevice("null");
        assertRefused(device, "a character device");
        assumeTrue(isCharacterDevice(device));
        assertRefused(Path.of("/dev/null"), "a character device");
        assertTrue(isCharacterDevice(Path.of("/dev/null")));
    }

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = fifo("credentials");
        assertRefused(fifo, "a FIFO");
        assertTrue(isFifo(fifo));
    }

    @Test
    void aDirectoryIsRefused() throws Exception {
        Path directory = Files.createDirectories(dir.resolve("credentials"));
        assertRefused(directory, "a directory");
        assertTrue(Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aDanglingLinkIsStillAFileToCreate() {
        Path link = dir.resolve("credentials");
        try {
            Files.createSymbolicLink(link, dir.resolve("elsewhere"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        new IniCredentialsFile(link).write(DEV, credentials("A"), false);
        assertTrue(Files.isRegularFile(dir.resolve("elsewhere")));
        assertTrue(Files.isSymbolicLink(link));
    }
}
