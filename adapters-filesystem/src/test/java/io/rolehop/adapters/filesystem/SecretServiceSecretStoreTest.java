package io.rolehop.adapters.filesystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.testing.SecretStoreContractTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Secret Service backend against the real thing: {@code secret-tool} talking to the keyring of the D-Bus session
 * this JVM runs in. CI ({@code CI=true}) runs inside {@code dbus-run-session} with an unlocked GNOME Keyring (see
 * {@code .ci/run}), and there an unusable Secret Service fails the build. Elsewhere, without a reachable and
 * unlocked Secret Service, the tests that need one are skipped with the reason. Items are written under a
 * {@code service} attribute of their own and removed again, so a developer's real keyring is left as it was.
 */
class SecretServiceSecretStoreTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String SERVICE = "rolehop-test-" + UUID.randomUUID();
    private static Optional<String> unusable;

    @BeforeAll
    static void probe() {
        unusable = SecretServiceSecretStore.unavailable(System.getenv());
        if (unusable.isEmpty()) {
            // Reachable is not enough: storing needs an unlocked default collection.
            SecretServiceSecretStore store = real();
            try {
                store.put("probe", "probe");
                store.delete("probe");
            } catch (OperationFailedException e) {
                unusable = Optional.of(e.getMessage());
            }
        }
    }

    static SecretServiceSecretStore real() {
        return new SecretServiceSecretStore(new ProcessCommandRunner(System.getenv()), SERVICE);
    }

    static void requireSecretService() {
        if (unusable.isPresent()) {
            String why = "no usable Secret Service: " + unusable.get();
            if ("true".equals(System.getenv("CI"))) {
                fail(why + ". CI must run these tests inside a D-Bus session with an unlocked keyring: run .ci/run,"
                        + " which installs gnome-keyring, dbus and libsecret-tools and starts both");
            }
            Assumptions.abort(why + " (set CI=true to make this a failure)");
        }
    }

    /** The contract every backend passes, against the real Secret Service. */
    @Nested
    class Contract extends SecretStoreContractTest {
        @Override
        protected SecretStore store() {
            requireSecretService();
            return real();
        }
    }

    @Test
    void itemsCarryTheServiceKeyAndPartAttributesAndTheValueNeverAnArgument() {
        requireSecretService();
        RecordingRunner recording = new RecordingRunner(new ProcessCommandRunner(System.getenv()));
        SecretServiceSecretStore store = new SecretServiceSecretStore(recording, SERVICE);
        try {
            store.put("session/s1/secret-access-key", SECRET);

            CommandRunner.Result lookup = new ProcessCommandRunner(System.getenv())
                    .run(
                            List.of(
                                    "secret-tool",
                                    "lookup",
                                    "service",
                                    SERVICE,
                                    "key",
                                    "session/s1/secret-access-key",
                                    "part",
                                    "0"),
                            "",
                            Duration.ofSeconds(10));
            assertEquals(SECRET, lookup.stdout(), "a plain item other tools (seahorse, secret-tool) can read");
            assertEquals(Optional.of(SECRET), store.get("session/s1/secret-access-key"));
            for (List<String> argv : recording.argvs) {
                assertFalse(String.join(" ", argv).contains(SECRET), argv.toString());
            }
        } finally {
            store.delete("session/s1/secret-access-key");
        }
    }

    @Test
    void withoutASessionBusItSaysSoAndHowToChooseAnotherBackend() {
        Map<String, String> noBus = Map.of(
                "PATH",
                System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                "HOME",
                System.getProperty("java.io.tmpdir"));
        assertTrue(SecretServiceSecretStore.unavailable(noBus).orElseThrow().contains("no D-Bus session bus"));
        Assumptions.assumeTrue(
                new ProcessCommandRunner(noBus).find("secret-tool").isPresent(), "secret-tool is not installed");

        OperationFailedException e = assertThrows(
                OperationFailedException.class, () -> new SecretServiceSecretStore(noBus).put("k", SECRET));

        assertTrue(
                e.getMessage()
                        .startsWith(
                                "the Secret Service could not store the secret 'k' (secret-tool exited" + " with 1: "),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith("no Secret Service is reachable on the session bus; start a desktop"
                                + " session or gnome-keyring-daemon, or choose another backend with"
                                + " ROLEHOP_SECRET_STORE=encrypted-file"),
                e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void aMissingSecretToolIsNamedWithThePackageThatHasIt() {
        Map<String, String> noTool = Map.of("PATH", "/nonexistent", "DBUS_SESSION_BUS_ADDRESS", "unix:path=/x");
        assertEquals(
                Optional.of("secret-tool is not installed (Debian and Ubuntu: apt-get install" + " libsecret-tools)"),
                SecretServiceSecretStore.unavailable(noTool));
        OperationFailedException e =
                assertThrows(OperationFailedException.class, () -> new SecretServiceSecretStore(noTool).get("k"));
        assertEquals("cannot run secret-tool: it is not installed (or not on PATH)", e.getMessage());
    }

    @Test
    void aLockedCollectionIsReportedWithHowToUnlockIt() {
        CommandRunner locked = (command, stdin, timeout) ->
                new CommandRunner.Result(1, "", "secret-tool: Cannot create an item in a locked collection\n");
        OperationFailedException e = assertThrows(
                OperationFailedException.class, () -> new SecretServiceSecretStore(locked, "rolehop").put("k", SECRET));
        assertEquals(
                "the Secret Service could not store the secret 'k' (secret-tool exited with 1: Cannot create an"
                        + " item in a locked collection); the keyring is locked or has no default collection; unlock it (log"
                        + " in to the desktop, or run 'gnome-keyring-daemon --unlock' with the password on stdin), or choose"
                        + " another backend with ROLEHOP_SECRET_STORE=encrypted-file",
                e.getMessage());
    }

    @Test
    void aTruncationReportedOnStderrIsAFailureEvenWithExitCodeZero() {
        CommandRunner truncating =
                (command, stdin, timeout) -> new CommandRunner.Result(0, "", "secret-tool: password is too long\n");
        OperationFailedException e = assertThrows(
                OperationFailedException.class,
                () -> new SecretServiceSecretStore(truncating, "rolehop").put("k", SECRET));
        assertTrue(e.getMessage().contains("password is too long"), e.getMessage());
    }

    @Test
    void valuesAreSplitIntoPartsThatSecretToolStoresWhole() {
        assertEquals(List.of(""), SecretServiceSecretStore.split(""));
        assertEquals(List.of("x".repeat(2000), "y"), SecretServiceSecretStore.split("x".repeat(2000) + "y"));
        List<String> parts = SecretServiceSecretStore.split("x".repeat(1999) + "🔑" + "z");
        assertEquals(List.of("x".repeat(1999), "🔑z"), parts, "a surrogate pair is never cut");
        for (String part : SecretServiceSecretStore.split("日".repeat(10_000))) {
            assertTrue(part.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 8192);
        }
    }

    /** Records the argument lists and passes the calls on. */
    private static final class RecordingRunner implements CommandRunner {
        final List<List<String>> argvs = new ArrayList<>();
        private final CommandRunner delegate;

        RecordingRunner(CommandRunner delegate) {
            this.delegate = delegate;
        }

        @Override
        public Result run(List<String> command, String stdin, Duration timeout) {
            argvs.add(List.copyOf(command));
            return delegate.run(command, stdin, timeout);
        }
    }
}
