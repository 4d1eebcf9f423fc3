package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rolehop home, plugins directory or workspace file that another user could write, or that belongs to another
 * user, is refused with exit 1 and one line naming the path and its mode, as ssh refuses such a {@code ~/.ssh}; and
 * root never leaves its files in another user's home. The tests run as root: a file handed to uid 65534 stands for
 * another user's.
 */
class SafeHomeIT {
    private static final int OTHER_UID = 65534;

    @TempDir
    Path dir;

    Map<String, String> env;
    Path home;

    @BeforeEach
    void setUp() throws IOException {
        env = Dist.isolatedEnv(dir);
        home = Path.of(env.get("ROLEHOP_HOME"));
        Dist.Result created = rolehop("profile", "create", "team");
        assertEquals(0, created.code(), created.toString());
        assertTrue(Files.isRegularFile(home.resolve("workspace.json")));
    }

    private Dist.Result rolehop(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Dist.launcher().toString());
        command.addAll(List.of(args));
        return Dist.run(dir, command, env);
    }

    private void assertRefused(Dist.Result result, Path path, String mode) {
        assertEquals(1, result.code(), result.toString());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().startsWith("rolehop: " + path + " "), result.err());
        assertTrue(result.err().contains("mode " + mode), result.err());
    }

    @Test
    void aHomeOthersCanWriteIsRefused() throws IOException {
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertRefused(rolehop("session", "list"), home, "0777");
        assertRefused(rolehop("profile", "list"), home, "0777");

        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        assertEquals(0, rolehop("profile", "list").code());
    }

    @Test
    void aWorkspaceFileOthersCanWriteIsRefusedAndLeftAsItIs() throws IOException {
        Path workspace = home.resolve("workspace.json");
        Files.setPosixFilePermissions(workspace, PosixFilePermissions.fromString("rw-rw-rw-"));
        byte[] before = Files.readAllBytes(workspace);

        assertRefused(rolehop("profile", "create", "other"), workspace, "0666");

        assertEquals(new String(before), new String(Files.readAllBytes(workspace)));
    }

    @Test
    void aGroupWritablePluginsDirectoryIsRefusedByCommandsThatLoadPlugins() throws IOException {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxrwxr-x"));

        assertRefused(rolehop("plugins", "list"), plugins, "0775");
        assertRefused(rolehop("session", "add", "aws-iam-user", "--help"), plugins, "0775");
    }

    @Test
    void aHomeOwnedByAnotherUserIsRefused() throws IOException {
        Files.setAttribute(home, "unix:uid", OTHER_UID);

        Dist.Result result = rolehop("session", "list");

        assertRefused(result, home, "0700");
        assertTrue(result.err().contains("belongs to uid " + OTHER_UID), result.err());
    }

    @Test
    void aWorkspaceOwnedByAnotherUserIsRefused() throws IOException {
        Path workspace = home.resolve("workspace.json");
        Files.setAttribute(workspace, "unix:uid", OTHER_UID);

        Dist.Result result = rolehop("session", "list");

        assertRefused(result, workspace, "0600");
        assertTrue(result.err().contains("belongs to uid " + OTHER_UID), result.err());
    }

    @Test
    void rootInAnotherUsersHomeCreatesNothingThere() throws IOException {
        Path alice = Files.createDirectories(dir.resolve("alice"));
        Files.setAttribute(alice, "unix:uid", OTHER_UID);
        env.put("HOME", alice.toString());
        env.remove("ROLEHOP_HOME");

        Dist.Result result = rolehop("profile", "create", "team");

        assertEquals(1, result.code(), result.toString());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(
                result.err()
                        .startsWith("rolehop: refusing to create " + alice.resolve(".rolehop") + " as root in " + alice
                                + ", which belongs to uid " + OTHER_UID + " (mode 0755)"),
                result.err());
        try (var files = Files.list(alice)) {
            assertEquals(List.of(), files.toList(), "root left files in another user's home");
        }
        assertEquals(0, rolehop("--version").code(), "--version reads no home");
    }
}
