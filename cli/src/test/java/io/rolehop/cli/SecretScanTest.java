package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolehop.adapters.filesystem.EncryptedFileSecretStore;
import io.rolehop.adapters.filesystem.PassSecretStore;
import io.rolehop.adapters.filesystem.SecretServiceSecretStore;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.testing.Botocore;
import io.rolehop.testing.MotoServer;
import io.rolehop.testing.StsProxy;
import io.rolehop.testing.StsProxy.Fault;
import io.rolehop.testing.ThrowAwayPasswordStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A realistic day with rolehop, run through the real command line against moto with authentication enforced, then
 * scanned for every secret it handled: the IAM users' secret keys, and every secret access key and session token STS
 * issued (the MFA session token included). None may appear in any stdout or stderr of any command (failures and
 * {@code --debug} stack traces included), in {@code workspace.json} or its backup, or in the bytes of the vault. The
 * one place issued credentials are printed on purpose, the stdout of {@code session generate}, is its contract and
 * is left out of the scan; they must not show anywhere else. Run once per secret-store backend available here.
 */
class SecretScanTest {
    @RegisterExtension
    @Order(1)
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    @Order(2)
    static final StsProxy STS = new StsProxy(MOTO);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEVICE = "arn:aws:iam::" + MotoServer.ACCOUNT_ID + ":mfa/frank";
    static MotoServer.IamUser erin;
    static MotoServer.IamUser frank;

    @TempDir
    Path dir;

    private ThrowAwayPasswordStore passwordStore;

    @AfterEach
    void removePasswordStore() throws IOException {
        if (passwordStore != null) {
            passwordStore.close();
        }
    }

    @BeforeAll
    static void createUsers() {
        erin = MOTO.createUser("erin");
        frank = MOTO.createUser("frank");
        MOTO.createRole("scan-role1", erin.arn());
        MOTO.createRole("scan-role2", MotoServer.assumedRoleArn("scan-role1", "scan-hop1"));
        MOTO.createRole("scan-mfa-session", frank.arn());
        MOTO.createRole("scan-frank-role", MotoServer.assumedRoleArn("scan-mfa-session", "frank-mfa"));
    }

    private CliHarness harness(String backend) throws IOException {
        CliHarness cli = new CliHarness(dir).env(STS.env()).env("ROLEHOP_SECRET_STORE", backend);
        if (backend.equals(PassSecretStore.NAME)) {
            Assumptions.assumeTrue(ThrowAwayPasswordStore.available(), "pass or gpg is not installed");
            passwordStore = ThrowAwayPasswordStore.create();
            cli.env(passwordStore.env());
        }
        if (backend.equals(SecretServiceSecretStore.NAME)) {
            Optional<String> why = SecretServiceSecretStore.unavailable(System.getenv());
            if (why.isPresent()) {
                if ("true".equals(System.getenv("CI"))) {
                    fail("no usable Secret Service in CI: " + why.get() + "; run .ci/run");
                }
                Assumptions.abort("no usable Secret Service here: " + why.get());
            }
            for (String name : List.of("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR")) {
                Optional.ofNullable(System.getenv(name)).ifPresent(v -> cli.env(name, v));
            }
        }
        return cli;
    }

    @ParameterizedTest
    @ValueSource(strings = {"encrypted-file", "secret-service", "pass"})
    void noSecretReachesAnyOutputTheWorkspaceOrTheVault(String backend) throws Exception {
        CliHarness cli = harness(backend);
        Set<String> secrets = new LinkedHashSet<>(List.of(erin.secretAccessKey(), frank.secretAccessKey()));
        List<String> generated = new ArrayList<>();

        // Sessions: a plain user with a two-hop chain, an MFA user with one hop.
        ok(cli.runWithStdin(
                erin.secretAccessKey() + "\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "erin",
                "--profile",
                "erin",
                "--access-key-id",
                erin.accessKeyId(),
                "--secret-access-key-stdin"));
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "s1",
                "--assumer",
                "erin",
                "--profile",
                "s1",
                "--role-arn",
                MotoServer.roleArn("scan-role1"),
                "--role-session-name",
                "scan-hop1"));
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "s2",
                "--assumer",
                "s1",
                "--profile",
                "s2",
                "--role-arn",
                MotoServer.roleArn("scan-role2"),
                "--role-session-name",
                "scan-hop2"));
        ok(cli.runWithStdin(
                frank.secretAccessKey(),
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "frank",
                "--access-key-id",
                frank.accessKeyId(),
                "--secret-access-key-stdin",
                "--mfa-device",
                DEVICE));
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "f1",
                "--assumer",
                "frank",
                "--profile",
                "f1",
                "--role-arn",
                MotoServer.roleArn("scan-frank-role"),
                "--role-session-name",
                "scan-frank-hop"));

        // Starts, generates, listings.
        ok(cli.run("session", "start", "s2"));
        ok(cli.run("session", "start", "erin"));
        generated.add(ok(cli.run("session", "generate", "s2")).out());
        generated.add(ok(cli.run("session", "generate", "erin")).out());
        STS.failNext(
                1,
                Fault.error(
                        403,
                        "AccessDenied",
                        "MultiFactorAuthentication failed with invalid MFA one" + " time pass code."));
        assertEquals(
                1, cli.run("session", "start", "f1", "--mfa-code", "000000").code());
        TemporaryCredentials mfa =
                MOTO.assumeRole(frank.credentials(), MotoServer.roleArn("scan-mfa-session"), "frank-mfa");
        secrets.add(mfa.secretAccessKey());
        secrets.add(mfa.sessionToken());
        STS.failNext(
                1, Fault.sessionToken(mfa.accessKeyId(), mfa.secretAccessKey(), mfa.sessionToken(), mfa.expiration()));
        ok(cli.run("session", "start", "f1", "--mfa-code", "123456", "-o", "json"));
        generated.add(ok(cli.run("session", "generate", "f1")).out());
        generated.add(ok(cli.run("session", "generate", "frank")).out());
        for (String[] args : List.of(
                new String[] {"session", "list"},
                new String[] {"session", "list", "-o", "json"},
                new String[] {"session", "tree", "-o", "json"},
                new String[] {"session", "current"},
                new String[] {"settings", "list"},
                new String[] {"secrets", "status", "-o", "json"},
                new String[] {"profile", "list"})) {
            ok(cli.run(args));
        }

        // Failures, with and without --debug.
        ok(cli.runWithStdin(
                "x".repeat(40),
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "mallory",
                "--access-key-id",
                erin.accessKeyId(),
                "--secret-access-key-stdin"));
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "m1",
                "--assumer",
                "mallory",
                "--role-arn",
                MotoServer.roleArn("scan-role1"),
                "--role-session-name",
                "scan-hop1"));
        secrets.add("x".repeat(40));
        assertEquals(1, cli.run("session", "start", "m1").code());
        assertEquals(1, cli.run("--debug", "session", "start", "m1").code());
        String[] typo = {
            "session",
            "add",
            "aws-iam-user",
            "--alias",
            "typo",
            "--access-key-id",
            erin.accessKeyId(),
            "--secret-access-key",
            erin.secretAccessKey()
        };
        CliHarness.Result refused = cli.run(typo);
        assertEquals(2, refused.code(), "a secret given as an option value is refused, and not echoed: " + refused);
        assertEquals(2, cli.run("session", "start", "nobody").code());
        assertEquals(
                2,
                cli.run(
                                "session",
                                "add",
                                "aws-iam-role-chained",
                                "--alias",
                                "bad",
                                "--assumer",
                                "erin",
                                "--role-arn",
                                "arn:aws:iam::1:role/x")
                        .code());
        STS.failNext(4, Fault.status(503));
        ok(cli.run("session", "logout", "s1"));
        assertEquals(1, cli.run("--debug", "session", "start", "s2").code());

        // Every issued credential: in the AWS credentials file, the plain cache and what generate printed.
        Map<String, Map<String, Object>> written = Botocore.rawConfigParse(cli.credentialsFile());
        written.values().forEach(section -> {
            secrets.add((String) section.get("aws_secret_access_key"));
            secrets.add((String) section.get("aws_session_token"));
        });
        Path cache = cli.rolehopHome().resolve("cache");
        try (Stream<Path> files = Files.list(cache)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode entry = JSON.readTree(file.toFile());
                secrets.add(entry.get("SecretAccessKey").asText());
                secrets.add(entry.get("SessionToken").asText());
            }
        }
        for (String json : generated) {
            JsonNode c = JSON.readTree(json);
            secrets.add(c.get("SecretAccessKey").asText());
            secrets.add(c.get("SessionToken").asText());
        }
        secrets.removeIf(s -> s == null || s.isEmpty());
        assertTrue(secrets.size() >= 10, "the scan covers the secrets of every hop: " + secrets.size());

        // The harness heads each run with its command line: what the user typed, not what rolehop printed.
        String transcript = cli.transcript().replace(String.join(" ", typo), "<the command line with the typo>");
        for (String json : generated) {
            assertTrue(transcript.contains(json));
            transcript = transcript.replace(json, "<credential_process JSON>\n");
        }
        List<String> leaks = new ArrayList<>();
        for (String secret : secrets) {
            String label = secret.substring(0, 4) + "…(" + secret.length() + " chars)";
            if (transcript.contains(secret)) {
                leaks.add(label + " in the output: "
                        + transcript
                                .lines()
                                .filter(l -> l.contains(secret))
                                .findFirst()
                                .orElse("")
                                .replace(secret, "<SECRET>"));
            }
            for (Path file : List.of(
                    cli.rolehopHome().resolve("workspace.json"),
                    cli.rolehopHome().resolve("workspace.json.bak"),
                    cli.rolehopHome().resolve("secrets.vault"),
                    cli.configFile())) {
                if (Files.exists(file) && contains(Files.readAllBytes(file), secret)) {
                    leaks.add(label + " in " + file.getFileName());
                }
            }
        }
        assertEquals(List.of(), leaks);

        if (backend.equals("encrypted-file")) {
            EncryptedFileSecretStore vault = new EncryptedFileSecretStore(
                    cli.rolehopHome().resolve("secrets.vault"),
                    () -> Optional.of(
                            cli.environment().get("ROLEHOP_VAULT_PASSPHRASE").toCharArray()));
            assertTrue(
                    vault.keys("").stream().anyMatch(k -> k.endsWith("/.cached-credentials")),
                    vault.keys("")::toString);
        } else {
            assertFalse(Files.exists(cli.rolehopHome().resolve("secrets.vault")), "the keyring holds the secrets");
        }
        if (passwordStore != null) {
            List<Path> entries;
            try (var files = Files.walk(passwordStore.dir())) {
                entries = files.filter(Files::isRegularFile).toList();
            }
            assertTrue(
                    entries.stream().anyMatch(f -> f.toString().endsWith("/.cached-credentials.gpg")),
                    entries::toString);
            for (Path entry : entries) {
                for (String secret : secrets) {
                    assertFalse(contains(Files.readAllBytes(entry), secret), "a secret in clear in " + entry);
                }
            }
        }
        // Leave a real keyring as it was.
        for (String alias : List.of("erin", "frank", "mallory")) {
            ok(cli.run("session", "delete", alias, "--cascade", "--yes"));
        }
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1)
                .contains(new String(needle.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }

    private static CliHarness.Result ok(CliHarness.Result r) {
        assertEquals(0, r.code(), r.toString());
        return r;
    }
}
