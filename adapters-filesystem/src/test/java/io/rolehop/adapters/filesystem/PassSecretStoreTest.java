package io.rolehop.adapters.filesystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.port.out.SecretStore;
import io.rolehop.testing.SecretStoreContractTest;
import io.rolehop.testing.ThrowAwayPasswordStore;
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
 * The pass(1) backend against the real {@code pass} and GnuPG, in a {@link ThrowAwayPasswordStore}. Without
 * {@code pass} or {@code gpg} the tests are skipped, and under {@code CI=true} they fail: {@code .ci/run} installs
 * both.
 */
class PassSecretStoreTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYpassSECRET";
    private static ThrowAwayPasswordStore passwordStore;
    private static Map<String, String> env;

    @BeforeAll
    static void throwAwayKeyAndStore() throws IOException {
        Assumptions.assumeTrue(ThrowAwayPasswordStore.available(), "pass or gpg is not installed");
        passwordStore = ThrowAwayPasswordStore.create();
        env = passwordStore.env();
    }

    @AfterAll
    static void stopAgentAndRemove() throws IOException {
        if (passwordStore != null) {
            passwordStore.close();
        }
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
            assertFalse(
                    new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains(SECRET),
                    "encrypted on disk");
            CommandRunner.Result shown = new ProcessCommandRunner(env)
                    .run(List.of("pass", "show", "rolehop/session/s1/secret-access-key"), "", Duration.ofSeconds(30));
            assertEquals(SECRET, shown.stdout(), "an entry pass and its front ends read as it is");
            assertEquals(Optional.empty(), PassSecretStore.unavailable(env));
        } finally {
            store.delete("session/s1/secret-access-key");
        }
        assertFalse(
                Files.exists(Path.of(env.get("PASSWORD_STORE_DIR"), "rolehop/session")),
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
        Path nothing = passwordStore.dir().resolveSibling("nothing-here");
        Map<String, String> empty = new HashMap<>(env);
        empty.put("PASSWORD_STORE_DIR", nothing.toString());
        assertEquals(
                Optional.of("no password store at " + nothing + " (initialise one with" + " 'pass init GPG-KEY-ID')"),
                PassSecretStore.unavailable(empty));
        assertEquals(
                Optional.of("pass is not installed (Debian and Ubuntu: apt-get install pass)"),
                PassSecretStore.unavailable(Map.of("PATH", "/nonexistent")));
    }
}
