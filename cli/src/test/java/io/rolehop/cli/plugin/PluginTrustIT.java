package io.rolehop.cli.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.cli.Dist;
import io.rolehop.testing.PluginJars;
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
 * Plugin jars are code the user runs: through the assembled distribution, a jar dropped into the plugins directory
 * is not opened as code until the user trusts it, a changed one is refused until trusted again, and commands that
 * need no access method never load one, however hostile.
 */
class PluginTrustIT {
    @TempDir
    Path dir;

    Map<String, String> env;
    Path plugins;
    Path marker;

    @BeforeEach
    void setUp() throws IOException {
        env = Dist.isolatedEnv(dir);
        Path home = Path.of(env.get("ROLEHOP_HOME"));
        plugins = home.resolve("plugins");
        Files.createDirectories(
                plugins, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        marker = dir.resolve("initialiser-ran");
    }

    /** A method whose class initialiser leaves a marker file, then does {@code then} (exit, loop, nothing). */
    private Path hostileJar(String name, String id, String then) {
        return PluginJars.build(
                dir.resolve("build-" + name),
                Dist.home().resolve("lib"),
                plugins.resolve(name),
                "hostile." + id.replace('-', '.'),
                "Hostile",
                id,
                "static { try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker
                        + "\"), \"ran\"); } catch (java.io.IOException e) { throw new RuntimeException(e); } " + then
                        + " }",
                "");
    }

    private Dist.Result rolehop(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Dist.launcher().toString());
        command.addAll(List.of(args));
        return Dist.run(dir, command, env);
    }

    @Test
    void anUntrustedJarIsNeverOpenedAsCode() throws IOException {
        Path jar = hostileJar("exits.jar", "exits", "System.exit(0);");

        Dist.Result list = rolehop("plugins", "list");
        Dist.Result sessions = rolehop("session", "list");

        assertFalse(Files.exists(marker), "the static initialiser of an untrusted jar ran");
        assertEquals(0, list.code(), list.toString());
        assertTrue(
                list.out().lines().anyMatch(l -> l.startsWith(jar.toString()) && l.contains("untrusted")), list.out());
        assertFalse(list.out().contains("exits "), "no method of it is offered:\n" + list.out());
        assertEquals(
                List.of("rolehop: warning: plugin " + jar + " is not trusted; skipped (check it, then run"
                        + " 'rolehop plugins trust " + jar + "')"),
                list.err().lines().toList());
        assertEquals(0, sessions.code(), sessions.toString());
    }

    @Test
    void aTrustedJarLoadsAChangedOneIsRefusedUntilTrustedAgain() throws IOException {
        Path jar = hostileJar("method.jar", "first-method", "");

        Dist.Result trust = rolehop("plugins", "trust", jar.toString());
        assertEquals(0, trust.code(), trust.toString());
        assertFalse(Files.exists(marker), "trusting a jar only reads its bytes");
        Path record = Path.of(env.get("ROLEHOP_HOME")).resolve("plugins.sha256");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(record)));
        String json = rolehop("plugins", "list", "-o", "json").out();
        assertTrue(json.contains("\"id\" : \"first-method\""), json);
        assertTrue(json.contains("\"trust\" : \"trusted\""), json);
        assertTrue(Files.exists(marker), "a trusted jar loads");

        Files.delete(marker);
        hostileJar("method.jar", "second-method", "");
        Dist.Result changed = rolehop("plugins", "list", "-o", "json");
        assertEquals(0, changed.code(), "the command goes on without the jar:\n" + changed);
        assertFalse(Files.exists(marker), "the static initialiser of a changed jar ran");
        assertFalse(changed.out().contains("second-method"), changed.out());
        assertTrue(changed.out().contains("\"trust\" : \"changed\""), changed.out());
        assertEquals(
                List.of("rolehop: warning: plugin " + jar + " changed since it was trusted; skipped (check it,"
                        + " then run 'rolehop plugins trust " + jar + "' again)"),
                changed.err().lines().toList());

        assertEquals(0, rolehop("plugins", "trust", "method.jar").code(), "by file name in a plugin directory");
        assertTrue(rolehop("plugins", "list").out().contains("second-method"));

        Dist.Result untrust = rolehop("plugins", "untrust", jar.toString());
        assertEquals(0, untrust.code(), untrust.toString());
        Files.delete(marker);
        Dist.Result after = rolehop("plugins", "list");
        assertFalse(after.out().contains("second-method"), after.out());
        assertFalse(Files.exists(marker));
    }

    @Test
    void commandsThatNeedNoAccessMethodNeverLoadOneEvenATrustedHostileJar() throws IOException {
        Path jar = hostileJar("loops.jar", "loops", "while (System.nanoTime() != 0) { Thread.onSpinWait(); }");
        assertEquals(0, rolehop("plugins", "trust", jar.toString()).code());

        Dist.Result version = rolehop("--version");
        assertEquals(0, version.code(), version.toString());
        assertTrue(version.out().startsWith("rolehop "), version.out());
        assertEquals("", version.err());
        for (List<String> command : List.of(
                List.of("--help"),
                List.of("help"),
                List.of("help", "session"),
                List.of("session", "--help"),
                List.of("profile", "list"),
                List.of("profile", "create", "team"),
                List.of("region", "list"),
                List.of("region", "get-default"),
                List.of("settings", "list"),
                List.of("plugins", "untrust", "nothing.jar"))) {
            Dist.Result result = rolehop(command.toArray(String[]::new));
            assertEquals(0, result.code(), command + ": " + result);
        }
        assertFalse(Files.exists(marker), "a command that needs no access method loaded a plugin");
    }

    @Test
    void onlyJarsInAPluginDirectoryCanBeTrusted() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("downloads")).resolve("x.jar");
        Files.write(elsewhere, new byte[] {1, 2, 3});

        Dist.Result trust = rolehop("plugins", "trust", elsewhere.toString());

        assertEquals(2, trust.code(), trust.toString());
        assertEquals(1, trust.err().lines().count(), trust.err());
        assertTrue(trust.err().contains("copy it into one of them first"), trust.err());
        assertFalse(Files.exists(Path.of(env.get("ROLEHOP_HOME")).resolve("plugins.sha256")));
    }
}
