package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.adapters.filesystem.ProcessCommandRunner;
import io.rolehop.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code secrets unlock} and {@code secrets lock} of the assembled {@code bin/rolehop}, in a login session of their
 * own: {@code keyctl session -} gives the commands a fresh session keyring, as {@code pam_keyinit} does at login, and
 * {@code setsid} takes their controlling terminal away, as under cron or {@code credential_process}.
 */
class SecretsUnlockIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final String PASSPHRASE = "unlock test passphrase";
    static MotoServer.IamUser ursula;

    @TempDir
    Path dir;

    @BeforeAll
    static void createChain() {
        ursula = MOTO.createUser("ursula");
        MOTO.createRole("unlock-first", ursula.arn());
        MOTO.createRole("unlock-second", MotoServer.assumedRoleArn("unlock-first", "first-hop"));
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(Dist.isolatedEnv(dir));
        env.putAll(MOTO.env());
        env.put("ROLEHOP_VAULT_PASSPHRASE", PASSPHRASE);
        return env;
    }

    /** Runs {@code script} with sh in a new login session keyring and without a terminal; returns its transcript. */
    private Dist.Result inLoginSession(Map<String, String> env, String script) throws Exception {
        String setsid = new ProcessCommandRunner(System.getenv())
                .find("setsid")
                .orElseThrow()
                .toString();
        String keyctl = new ProcessCommandRunner(System.getenv())
                .find("keyctl")
                .orElseThrow(
                        () -> new AssertionError("keyctl is missing: apt-get install keyutils (.ci/run installs it)"))
                .toString();
        Map<String, String> withLauncher = new HashMap<>(env);
        withLauncher.put("R", Dist.launcher().toString());
        return Dist.run(dir, List.of(setsid, "-w", keyctl, "session", "-", "sh", "-c", script), withLauncher);
    }

    private void addChain(Map<String, String> env) throws Exception {
        ok(Dist.run(
                dir,
                List.of(
                        Dist.launcher().toString(),
                        "session",
                        "add",
                        "aws-iam-user",
                        "--alias",
                        "ursula",
                        "--access-key-id",
                        ursula.accessKeyId(),
                        "--secret-access-key-stdin"),
                env,
                ursula.secretAccessKey()));
        ok(Dist.run(
                dir,
                List.of(
                        Dist.launcher().toString(),
                        "session",
                        "add",
                        "aws-iam-role-chained",
                        "--alias",
                        "first",
                        "--assumer",
                        "ursula",
                        "--role-arn",
                        MotoServer.roleArn("unlock-first"),
                        "--role-session-name",
                        "first-hop"),
                env));
        ok(Dist.run(
                dir,
                List.of(
                        Dist.launcher().toString(),
                        "session",
                        "add",
                        "aws-iam-role-chained",
                        "--alias",
                        "second",
                        "--assumer",
                        "first",
                        "--role-arn",
                        MotoServer.roleArn("unlock-second"),
                        "--role-session-name",
                        "second-hop"),
                env));
    }

    @Test
    void unlockedAChainRunsWithNoPassphraseAndNoTerminalAndAfterLockItNeedsInteraction() throws Exception {
        Map<String, String> env = env();
        addChain(env);
        Path vault = Path.of(env.get("ROLEHOP_HOME"), "secrets.vault");
        assertTrue(Files.exists(vault));

        Dist.Result r = inLoginSession(env, """
                printf '%s\\n' "$ROLEHOP_VAULT_PASSPHRASE" | "$R" secrets unlock --passphrase-stdin --for 10m
                echo "unlock exit $?"
                unset ROLEHOP_VAULT_PASSPHRASE
                "$R" secrets status
                ROLEHOP_JAVA_OPTS="-Xlog:class+load=info:file=$PWD/classes.log" "$R" session generate second \
                    > "$PWD/unlocked.json"
                echo "unlocked generate exit $?"
                "$R" secrets lock
                echo "lock exit $?"
                "$R" secrets status
                rm -rf "$ROLEHOP_HOME/cache"
                "$R" session generate second
                echo "locked generate exit $?"
                """);

        List<String> lines = r.out().lines().toList();
        assertEquals(0, r.code(), r.toString());
        assertTrue(lines.get(0).startsWith("unlocked " + vault + " until "), r.toString());
        assertEquals("unlock exit 0", lines.get(1), r.toString());
        assertTrue(lines.get(3).startsWith("unlocked until "), r.toString());
        assertEquals("unlocked generate exit 0", lines.get(4), r.toString());
        assertTrue(
                Files.readString(dir.resolve("unlocked.json")).contains("\"AccessKeyId\":\"ASIA"),
                Files.readString(dir.resolve("unlocked.json")));
        String classes = Files.readString(dir.resolve("classes.log"));
        assertTrue(classes.contains("io.rolehop.cli.fast.LeanGenerate "), "the lean path served the cold chain");
        assertFalse(
                classes.contains("picocli.") || classes.contains("com.sun.crypto.provider.PBKDF2"),
                "no full command, no key derivation");
        assertEquals("locked " + vault, lines.get(5), r.toString());
        assertEquals("lock exit 0", lines.get(6), r.toString());
        assertTrue(lines.get(8).startsWith("locked ("), r.toString());
        assertEquals("locked generate exit 3", lines.get(9), r.toString());
        List<String> errors = r.err()
                .lines()
                .filter(l -> !l.startsWith("Joined session keyring"))
                .toList();
        assertEquals(
                List.of(
                        "rolehop: the secret store " + vault + " needs its passphrase: run 'rolehop secrets"
                                + " unlock' in this login session, set ROLEHOP_VAULT_PASSPHRASE, or run rolehop from a terminal"),
                errors,
                r.toString());
    }

    @Test
    void theKeptKeyIsTheDerivedKeyNeverThePassphraseAndAWrongPassphraseKeepsNothing() throws Exception {
        Map<String, String> env = env();
        addChain(env);

        Dist.Result r = inLoginSession(env, """
                printf 'wrong passphrase\\n' | "$R" secrets unlock --passphrase-stdin
                echo "wrong exit $?"
                "$R" secrets status -o json
                printf '%s\\n' "$ROLEHOP_VAULT_PASSPHRASE" | "$R" secrets unlock --passphrase-stdin --for 5m
                for k in $(keyctl rlist @s); do keyctl pipe "$k"; echo; done
                "$R" secrets lock
                """);

        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("wrong exit 1"), r.toString());
        assertTrue(r.out().contains("\"unlocked\" : false"), r.toString());
        assertTrue(r.err().contains("wrong passphrase or damaged file"), r.toString());
        assertTrue(r.out().contains("rolehop-vault-key-1 600000 "), "the derived key is kept: " + r);
        assertFalse(r.out().contains(PASSPHRASE), "the passphrase is never kept");
    }

    @Test
    void aKeyOutlivesNoTimeOutAndUnlockRefusesLongerThanTwelveHours() throws Exception {
        Map<String, String> env = env();
        addChain(env);

        Dist.Result r = inLoginSession(env, """
                "$R" secrets unlock --for 13h
                echo "too long exit $?"
                env -u ROLEHOP_VAULT_PASSPHRASE "$R" secrets unlock < /dev/null
                echo "no terminal exit $?"
                printf '%s\\n' "$ROLEHOP_VAULT_PASSPHRASE" | "$R" secrets unlock --passphrase-stdin --for 2s
                unset ROLEHOP_VAULT_PASSPHRASE
                sleep 3
                "$R" secrets status
                "$R" session generate ursula
                echo "expired generate exit $?"
                """);

        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("too long exit 2"), r.toString());
        assertTrue(r.err().contains("invalid --for '13h'; a vault stays unlocked for 1 second to 12h"), r.toString());
        assertTrue(r.out().contains("no terminal exit 3"), r.toString());
        assertTrue(
                r.err()
                        .contains("rolehop: secrets unlock needs the passphrase and there is no terminal to ask on;"
                                + " pipe it in with --passphrase-stdin\n"),
                r.toString());
        assertTrue(r.out().contains("\nlocked ("), r.toString());
        assertTrue(r.out().contains("expired generate exit 3"), r.toString());
    }

    @Test
    void withoutALoginSessionKeyringUnlockSaysWhereElseToGoAndKeepsNothing() throws Exception {
        Map<String, String> env = env();
        String session = new ProcessCommandRunner(System.getenv())
                .run(List.of("keyctl", "rdescribe", "@s"), "", java.time.Duration.ofSeconds(10))
                .stdout();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                session.strip().endsWith(";_uid_ses." + uid()),
                "this test runs in a login session keyring: " + session);

        Dist.Result r = Dist.run(
                dir,
                List.of(Dist.launcher().toString(), "secrets", "unlock", "--passphrase-stdin"),
                env,
                PASSPHRASE + "\n");

        assertEquals(1, r.code(), r.toString());
        assertEquals(
                "rolehop: this process has no login session keyring (pam_keyinit made none, as in a container or"
                        + " a cron job), so there is nowhere to keep the key: run rolehop inside 'keyctl session', or give the"
                        + " passphrase in ROLEHOP_VAULT_PASSPHRASE\n",
                r.err());
    }

    @Test
    void creatingTheVaultOnATerminalSaysWhereAndAsksTwice() throws Exception {
        Path script = new ProcessCommandRunner(System.getenv())
                .find("script")
                .orElseThrow(() -> new AssertionError("'script' is missing: apt-get install bsdutils"));
        Map<String, String> env = new HashMap<>(Dist.isolatedEnv(dir));
        env.remove("ROLEHOP_VAULT_PASSPHRASE");
        Path vault = Path.of(env.get("ROLEHOP_HOME"), "secrets.vault");

        String differ = onTerminal(script, env, "first try\nsecond try\n");
        assertTrue(differ.contains("rolehop: creating the encrypted secret store " + vault), differ);
        assertTrue(differ.contains("the same passphrase again: "), differ);
        assertTrue(
                differ.contains("the two passphrases differ; the secret store " + vault + " was not created"), differ);
        assertTrue(differ.contains("exit 2"), differ);
        assertFalse(Files.exists(vault), "nothing created");

        String same = onTerminal(script, env, "typed twice\ntyped twice\n");
        assertTrue(same.contains("exit 0"), same);
        assertTrue(Files.exists(vault));
        env.put("ROLEHOP_VAULT_PASSPHRASE", "typed twice");
        ok(Dist.run(dir, List.of(Dist.launcher().toString(), "session", "list"), env));
        Dist.Result list = Dist.run(
                dir,
                List.of(
                        Dist.launcher().toString(),
                        "session",
                        "add",
                        "aws-iam-user",
                        "--alias",
                        "v",
                        "--access-key-id",
                        "AKIAIOSFODNN7EXAMPLE",
                        "--secret-access-key-stdin"),
                env,
                "x\n");
        assertEquals(0, list.code(), "the vault opens with the passphrase typed twice: " + list);
    }

    /** Adds a user on a pseudo terminal, typing {@code input}; what the terminal showed, then the exit code. */
    private String onTerminal(Path script, Map<String, String> env, String input) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        script.toString(),
                        "-qec",
                        "'" + Dist.launcher()
                                + "' session add aws-iam-user --alias u --access-key-id AKIAIOSFODNN7EXAMPLE"
                                + " --secret-access-key-stdin <<'EOF'\nsecret\nEOF\necho \"exit $?\"",
                        "/dev/null")
                .directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        InputStream terminal = process.getInputStream();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        try (OutputStream keyboard = process.getOutputStream()) {
            String[] prompts = {"new vault passphrase: ", "the same passphrase again: "};
            String[] lines = input.split("(?<=\n)");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                while (!seen.toString(StandardCharsets.UTF_8).contains(prompts[i])) {
                    int b = terminal.read();
                    if (b < 0) {
                        return seen.toString(StandardCharsets.UTF_8);
                    }
                    seen.write(b);
                }
                keyboard.write(line.getBytes(StandardCharsets.UTF_8));
                keyboard.flush();
            }
            process.waitFor(120, TimeUnit.SECONDS);
        }
        seen.write(terminal.readAllBytes());
        return seen.toString(StandardCharsets.UTF_8);
    }

    private static String uid() throws Exception {
        return new ProcessCommandRunner(System.getenv())
                .run(List.of("id", "-u"), "", java.time.Duration.ofSeconds(5))
                .stdout()
                .strip();
    }

    private static void ok(Dist.Result r) {
        assertEquals(0, r.code(), r.toString());
    }
}
