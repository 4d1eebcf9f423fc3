package io.rolehop.adapters.filesystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rolehop.application.port.out.SecretStore;
import io.rolehop.testing.SecretStoreContractTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The pass(1) backend against the real {@code pass} and GnuPG: a throw-away key without a passphrase is generated in
 * a private {@code GNUPGHOME} (loopback pinentry, so nothing ever waits for a dialog) and a password store is
 * initialised for it in a temporary directory. Without {@code pass} or {@code gpg} the tests are skipped, and under
 * {@code CI=true} they fail: {@code .ci/run} installs both.
 */
class PassSecretStoreTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYpassSECRET";
    private static Path root;
    private static Map<String, String> env;

    @BeforeAll
    static void throwAwayKeyAndStore() throws IOException {
        Map<String, String> base = Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        ProcessCommandRunner probe = new ProcessCommandRunner(base);
        if (probe.find("pass").isEmpty() || probe.find("gpg").isEmpty()) {
            String why = "pass or gpg is not installed (apt-get install pass gnupg)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why + "; .ci/run installs them");
            }
            Assumptions.abort(why);
        }
        root = Files.createTempDirectory("rolehop-pass");
        Path gnupg = Files.createDirectories(root.resolve("gnupg"));
        Files.setPosixFilePermissions(gnupg, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Files.writeString(gnupg.resolve("gpg-agent.conf"), "allow-loopback-pinentry\n");
        Files.writeString(gnupg.resolve("gpg.conf"), "pinentry-mode loopback\n");
        env = new HashMap<>(base);
        env.put("HOME", root.toString());
        env.put("GNUPGHOME", gnupg.toString());
        env.put("PASSWORD_STORE_DIR", root.resolve("password-store").toString());
        ProcessCommandRunner runner = new ProcessCommandRunner(env);
        ok(runner.run(List.of("gpg", "--batch", "--passphrase", "", "--quick-generate-key",
                "rolehop test <test@rolehop.invalid>", "default", "default", "never"), "", Duration.ofSeconds(60)));
        ok(runner.run(List.of("pass", "init", "test@rolehop.invalid"), "", Duration.ofSeconds(60)));
    }

    @AfterAll
    static void stopAgentAndRemove() throws IOException {
        if (env != null) {
            new ProcessCommandRunner(env).run(List.of("gpgconf", "--kill", "gpg-agent"), "", Duration.ofSeconds(10));
        }
        if (root != null) {
            try (var paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void ok(CommandRunner.Result r) {
        assertEquals(0, r.exitCode(), r.toString());
    }

    static PassSecretStore real() {
        return new PassSecretStore(env);
    }

    /** The contract every backend passes, against the real pass and GnuPG. */
    @Nested
    class Contract extends SecretStoreContractTest {
        @Override
        protected SecretStore store() {
            return real();
        }
    }

    @Test
    void entriesAreGpgFilesUnderTheRolehopFolderThatPassItselfReads() throws IOException {
        PassSecretStore store = real();
        store.put("session/s1/secret-access-key", SECRET);
        try {
            Path file = Path.of(env.get("PASSWORD_STORE_DIR"), "rolehop/session/s1/secret-access-key.gpg");
            assertTrue(Files.isRegularFile(file));
            assertFalse(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains(SECRET), "encrypted on disk");
            CommandRunner.Result shown = new ProcessCommandRunner(env).run(List.of("pass", "show",
                    "rolehop/session/s1/secret-access-key"), "", Duration.ofSeconds(30));
            assertEquals(SECRET, shown.stdout(), "an entry pass and its front ends read as it is");
            assertEquals(Optional.empty(), PassSecretStore.unavailable(env));
        } finally {
            store.delete("session/s1/secret-access-key");
        }
        assertFalse(Files.exists(Path.of(env.get("PASSWORD_STORE_DIR"), "rolehop/session")),
                "pass removes the emptied folders");
    }

    @Test
    void keysNeverLeaveTheRolehopFolder() {
        for (String key : List.of("..", "a/../../b", "/lead", "trail/", "a//b", ".", "%41", "%", "x/%/y")) {
            String name = PassSecretStore.encode(key);
            assertEquals(key, PassSecretStore.decode(name), name);
            for (String segment : name.split("/", -1)) {
                assertFalse(segment.isEmpty() || segment.equals(".") || segment.equals(".."), key + " -> " + name);
            }
        }
    }

    @Test
    void anUninitialisedStoreOrAMissingPassIsNamed() {
        Map<String, String> empty = new HashMap<>(env);
        empty.put("PASSWORD_STORE_DIR", root.resolve("nothing-here").toString());
        assertEquals(Optional.of("no password store at " + root.resolve("nothing-here") + " (initialise one with"
                + " 'pass init GPG-KEY-ID')"), PassSecretStore.unavailable(empty));
        assertEquals(Optional.of("pass is not installed (Debian and Ubuntu: apt-get install pass)"),
                PassSecretStore.unavailable(Map.of("PATH", "/nonexistent")));
    }
}
