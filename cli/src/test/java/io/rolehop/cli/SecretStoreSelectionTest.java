package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolehop.adapters.filesystem.EncryptedFileSecretStore;
import io.rolehop.adapters.filesystem.PassSecretStore;
import io.rolehop.adapters.filesystem.ProcessCommandRunner;
import io.rolehop.adapters.filesystem.SecretServiceSecretStore;
import io.rolehop.testing.ThrowAwayPasswordStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which secret store the command line uses: {@code ROLEHOP_SECRET_STORE}, else the workspace setting, else detected
 * (an existing vault, a Secret Service on the session bus, the macOS keychain, the encrypted file); and moving the
 * secrets between backends. The harness names no session bus unless a test gives it one.
 */
class SecretStoreSelectionTest {
    private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYselectionKEY";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliHarness cli() {
        return new CliHarness(dir);
    }

    private String status(CliHarness cli) {
        CliHarness.Result r = cli.run("secrets", "status");
        assertEquals(0, r.code(), r.toString());
        assertEquals("", r.err());
        return r.out().lines().findFirst().orElse("");
    }

    private static CliHarness.Result addUser(CliHarness cli, String alias) {
        return cli.runWithStdin(
                SECRET,
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                alias,
                "--access-key-id",
                KEY_ID,
                "--secret-access-key-stdin");
    }

    private Path vault(CliHarness cli) {
        return cli.rolehopHome().resolve("secrets.vault");
    }

    private EncryptedFileSecretStore openVault(CliHarness cli) {
        return new EncryptedFileSecretStore(
                vault(cli),
                () -> Optional.of(
                        cli.environment().get("ROLEHOP_VAULT_PASSPHRASE").toCharArray()));
    }

    @Test
    void withoutAnOsKeychainTheEncryptedFileIsTheDefaultAndStatusSaysWhy() {
        CliHarness cli = cli();

        assertEquals(
                "secret store: encrypted-file (the default, as no OS keychain answers: no D-Bus session bus"
                        + " (DBUS_SESSION_BUS_ADDRESS is not set))",
                status(cli));
        assertFalse(Files.exists(vault(cli)), "status opens nothing");

        assertEquals(0, addUser(cli, "u").code());
        assertTrue(Files.exists(vault(cli)));
        assertEquals("secret store: encrypted-file (detected: " + vault(cli) + " exists)", status(cli));
        assertEquals(
                "locked (rolehop secrets unlock keeps the key for this login session)",
                cli.run("secrets", "status").out().lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void theVariableWinsOverTheSettingWhichWinsOverDetection() throws Exception {
        CliHarness cli = cli();
        assertEquals(0, cli.run("settings", "set", "secret-store", "keychain").code());
        assertEquals("secret store: keychain (chosen by the workspace setting secret-store)", status(cli));
        JsonNode listed =
                JSON.readTree(cli.run("settings", "list", "-o", "json").out());
        assertEquals("keychain", listed.get("secret-store").asText());

        cli.env("ROLEHOP_SECRET_STORE", "Encrypted-File");
        assertEquals("secret store: encrypted-file (chosen by ROLEHOP_SECRET_STORE)", status(cli));
        JsonNode json = JSON.readTree(cli.run("secrets", "status", "-o", "json").out());
        assertEquals("encrypted-file", json.get("backend").asText());
    }

    @Test
    void anUnknownBackendIsAUsageError() {
        CliHarness cli = cli().env("ROLEHOP_SECRET_STORE", "vault");
        CliHarness.Result r = addUser(cli, "u");
        assertEquals(2, r.code(), r.toString());
        assertEquals(
                "rolehop: invalid ROLEHOP_SECRET_STORE 'vault'; give one of secret-service, keychain,"
                        + " pass, encrypted-file, or unset it\n",
                r.err());

        CliHarness.Result setting = cli().run("settings", "set", "secret-store", "vault");
        assertEquals(2, setting.code(), setting.toString());
    }

    @Test
    void aBackendThatCannotWorkHereSaysSoAndWritesNothing() {
        Assumptions.assumeFalse(System.getProperty("os.name").toLowerCase().startsWith("mac"));
        CliHarness cli = cli().env("ROLEHOP_SECRET_STORE", "keychain");

        CliHarness.Result r = addUser(cli, "u");

        assertEquals(1, r.code(), r.toString());
        assertEquals(
                "rolehop: the secret store 'keychain' cannot be used here: the macOS keychain exists only on"
                        + " macOS; choose another with ROLEHOP_SECRET_STORE\n",
                r.err());
        assertFalse(Files.exists(vault(cli)));
        assertEquals(
                "[ ]", cli.run("session", "list", "-o", "json").out().strip().replaceAll("\\s+", " "));
    }

    @Test
    void aWarmChainNeverChoosesABackend() {
        // A backend that would fail if it were ever opened: commands that need no secret do not notice it.
        CliHarness cli = cli().env("ROLEHOP_SECRET_STORE", "keychain");
        for (String[] args : List.of(
                new String[] {"session", "list"},
                new String[] {"profile", "list"},
                new String[] {"settings", "list"},
                new String[] {"session", "tree"})) {
            CliHarness.Result r = cli.run(args);
            assertEquals(0, r.code(), r.toString());
        }
    }

    @Test
    void migratingToTheBackendInUseRecordsItAndAnImpossibleTargetMovesNothing() {
        Assumptions.assumeFalse(System.getProperty("os.name").toLowerCase().startsWith("mac"));
        CliHarness cli = cli();
        assertEquals(0, addUser(cli, "u").code());

        CliHarness.Result same = cli.run("secrets", "migrate", "--to", "encrypted-file");
        assertEquals(0, same.code(), same.toString());
        assertEquals("secrets already in encrypted-file; the workspace now names it\n", same.out());

        CliHarness.Result impossible = cli.run("secrets", "migrate", "--to", "keychain");
        assertEquals(1, impossible.code(), impossible.toString());
        assertEquals(2, openVault(cli).keys("").size(), "nothing left the vault");
        assertTrue(status(cli).startsWith("secret store: encrypted-file"));
    }

    /** Detection and migration against the Secret Service of this session: CI runs it for real (see .ci/run). */
    @Test
    void aSecretServiceIsDetectedAndSecretsMoveToTheVaultAndBack() throws Exception {
        Optional<String> why = SecretServiceSecretStore.unavailable(System.getenv());
        if (why.isPresent()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("no usable Secret Service in CI: " + why.get() + "; run .ci/run");
            }
            Assumptions.abort("no usable Secret Service here: " + why.get());
        }
        CliHarness cli = cli();
        for (String name : List.of("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR")) {
            Optional.ofNullable(System.getenv(name)).ifPresent(v -> cli.env(name, v));
        }
        assertEquals(
                "secret store: secret-service (detected: a Secret Service answers on the session bus)", status(cli));
        assertEquals(0, addUser(cli, "u").code());
        String id = JSON.readTree(cli.run("session", "list", "-o", "json").out())
                .get(0)
                .get("id")
                .asText();
        String key = "session/" + id + "/secret-access-key";
        assertEquals(SECRET, lookup(key));
        assertFalse(Files.exists(vault(cli)), "the keyring holds the secrets, no vault is made");

        CliHarness.Result moved = cli.run("secrets", "migrate", "--to", "encrypted-file");
        assertEquals(0, moved.code(), moved.toString());
        assertEquals(
                "moved 2 secrets from secret-service to encrypted-file; the workspace now uses" + " encrypted-file\n",
                moved.out());
        assertEquals(Optional.of(SECRET), openVault(cli).get(key));
        assertEquals("", lookup(key), "gone from the keyring");
        assertEquals("secret store: encrypted-file (chosen by the workspace setting secret-store)", status(cli));

        cli.env("ROLEHOP_SECRET_STORE", "encrypted-file");
        CliHarness.Result back = cli.run("secrets", "migrate", "--to", "secret-service");
        assertEquals(0, back.code(), back.toString());
        assertEquals(
                "rolehop: warning: ROLEHOP_SECRET_STORE still selects another secret store and wins over the"
                        + " workspace; set it to secret-service or unset it\n",
                back.err());
        assertEquals(SECRET, lookup(key));
        assertEquals(List.of(), openVault(cli).keys(""));

        cli.withoutEnv("ROLEHOP_SECRET_STORE");
        assertEquals(0, cli.run("session", "delete", "u").code());
        assertEquals("", lookup(key), "delete removes the keyring items");
    }

    /** Detection of an initialised password store of pass(1), and migration to and from it, for real. */
    @Test
    void aPasswordStoreIsDetectedWithoutASecretServiceAndSecretsMoveToTheVaultAndBack() throws Exception {
        Assumptions.assumeTrue(ThrowAwayPasswordStore.available(), "pass or gpg is not installed");
        try (ThrowAwayPasswordStore pass = ThrowAwayPasswordStore.create()) {
            CliHarness cli = cli().env(pass.env());
            assertEquals(
                    "secret store: pass (detected: a password store of pass(1) at " + pass.dir() + ")", status(cli));
            assertEquals(0, addUser(cli, "u").code());
            String id = JSON.readTree(cli.run("session", "list", "-o", "json").out())
                    .get(0)
                    .get("id")
                    .asText();
            String key = "session/" + id + "/secret-access-key";
            assertEquals(SECRET, pass.run("pass", "show", "rolehop/" + key), "an entry pass itself reads");
            assertFalse(Files.exists(vault(cli)), "the password store holds the secrets, no vault is made");

            CliHarness.Result moved = cli.run("secrets", "migrate", "--to", "encrypted-file");
            assertEquals(0, moved.code(), moved.toString());
            assertEquals(
                    "moved 2 secrets from pass to encrypted-file; the workspace now uses encrypted-file\n",
                    moved.out());
            assertEquals(Optional.of(SECRET), openVault(cli).get(key));
            assertEquals(List.of(), new PassSecretStore(pass.env()).keys(""), "gone from the password store");

            CliHarness.Result back = cli.run("secrets", "migrate", "--to", "pass");
            assertEquals(0, back.code(), back.toString());
            assertEquals("moved 2 secrets from encrypted-file to pass; the workspace now uses pass\n", back.out());
            assertEquals(SECRET, pass.run("pass", "show", "rolehop/" + key));
            assertEquals(List.of(), openVault(cli).keys(""));
            assertEquals("secret store: pass (chosen by the workspace setting secret-store)", status(cli));
        }
    }

    @Test
    void passChosenWhereItCannotWorkSaysSoAndWritesNothing() {
        CliHarness cli = cli().env("ROLEHOP_SECRET_STORE", "pass");

        CliHarness.Result r = addUser(cli, "u");

        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("rolehop: the secret store 'pass' cannot be used here: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(Files.exists(vault(cli)));
    }

    private static String lookup(String key) {
        return new ProcessCommandRunner(System.getenv())
                .run(
                        List.of("secret-tool", "lookup", "service", "rolehop", "key", key, "part", "0"),
                        "",
                        Duration.ofSeconds(10))
                .stdout();
    }
}
