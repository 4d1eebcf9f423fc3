package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolehop.adapters.filesystem.SecretServiceSecretStore;
import io.rolehop.testing.AwsCli;
import io.rolehop.testing.MotoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rolehop import leapp} on a Leapp workspace file encrypted by {@code openssl enc} exactly as Leapp's CryptoJS
 * does, then the imported chain started against moto and used by the AWS CLI.
 */
class ImportLeappTest {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MACHINE_ID = "3f2c9a0e5b7d41c6a8e9f0b1c2d3e4f5";
    private static final String USER_ID = "9b1f6f0e-1111-4c1e-9d7a-000000000001";
    static MotoServer.IamUser frank;

    @TempDir
    Path dir;

    CliHarness cli;
    Path file;

    @BeforeAll
    static void createChain() {
        frank = MOTO.createUser("frank");
        MOTO.createRole("leapp1", frank.arn());
        MOTO.createRole("leapp2", MotoServer.assumedRoleArn("leapp1", "hop-one"));
    }

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliHarness(dir).env(MOTO.env());
        file = dir.resolve("Leapp-lock.json");
        encrypt(workspaceJson(), MACHINE_ID, file);
    }

    static String workspaceJson() {
        return """
                {"_sessions":[
                 {"sessionId":"%s","sessionName":"Frank (IAM user)","region":"eu-west-1","type":"awsIamUser",
                  "status":0,"profileId":"p-default","mfaDevice":""},
                 {"sessionId":"c1","sessionName":"role one","region":"eu-central-1","type":"awsIamRoleChained",
                  "roleArn":"%s","parentSessionId":"%s","roleSessionName":"hop-one","profileId":"p-one"},
                 {"sessionId":"c2","sessionName":"role two","region":"eu-north-1","type":"awsIamRoleChained",
                  "roleArn":"%s","parentSessionId":"c1","roleSessionName":"hop-two","profileId":"p-two"},
                 {"sessionId":"orphan","sessionName":"orphan","region":"eu-west-1","type":"awsIamRoleChained",
                  "roleArn":"%s","parentSessionId":"gone","profileId":"p-default"},
                 {"sessionId":"sso1","sessionName":"Sandbox","region":"us-east-2","type":"awsSsoRole",
                  "roleArn":"arn:aws:iam::210987654321/Admin","profileId":"p-default","awsSsoConfigurationId":"int1"},
                 {"sessionId":"fed","sessionName":"federated","region":"eu-west-1","type":"awsIamRoleFederated",
                  "roleArn":"arn:aws:iam::123456789012:role/x","profileId":"p-default"}],
                 "_profiles":[{"id":"p-default","name":"default"},{"id":"p-one","name":"one"},{"id":"p-two","name":"two"}],
                 "_awsSsoIntegrations":[{"id":"int1","alias":"corp","portalUrl":"https://corp.awsapps.com/start",
                  "region":"eu-west-1"}],
                 "_defaultRegion":"eu-west-1"}
                """.formatted(
                        USER_ID,
                        MotoServer.roleArn("leapp1"),
                        USER_ID,
                        MotoServer.roleArn("leapp2"),
                        MotoServer.roleArn("leapp1"));
    }

    /** What Leapp writes: CryptoJS AES with node-machine-id's hash of the machine id as passphrase. */
    static void encrypt(String json, String machineId, Path to) throws Exception {
        String passphrase = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(machineId.getBytes(StandardCharsets.UTF_8)));
        Path plain = to.resolveSibling("plain.json");
        Files.writeString(plain, json);
        Process openssl = new ProcessBuilder(
                        "openssl",
                        "enc",
                        "-aes-256-cbc",
                        "-md",
                        "md5",
                        "-salt",
                        "-a",
                        "-A",
                        "-pass",
                        "pass:" + passphrase,
                        "-in",
                        plain.toString(),
                        "-out",
                        to.toString())
                .redirectErrorStream(true)
                .start();
        String said = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(openssl.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, openssl.exitValue(), said);
        Files.delete(plain);
    }

    @Test
    void theChainProfilesAndRegionsAreImportedIdempotentlyAndTheChainStartsAgainstMoto() throws Exception {
        byte[] before = Files.readAllBytes(file);
        CliHarness.Result dry =
                ok(cli.run("import", "leapp", "--file", file.toString(), "--machine-id", MACHINE_ID, "--dry-run"));
        assertTrue(dry.out().contains("would be added"), dry.out());
        assertEquals(
                0, JSON.readTree(cli.run("session", "list", "-o", "json").out()).size(), "a dry run changes nothing");

        CliHarness.Result first = ok(cli.run("import", "leapp", "--file", file.toString(), "--machine-id", MACHINE_ID));
        String out = first.out();
        assertTrue(
                out.contains(
                        "rolehop session edit \"Frank -IAM user-\" --access-key-id ID" + " --secret-access-key-stdin"),
                out);
        assertTrue(line(out, "orphan").contains("skipped"), out);
        // The IAM Identity Center role becomes an aws-sso session: that method is built in.
        assertTrue(
                line(out, "Sandbox").contains("added") && line(out, "Sandbox").contains("aws-sso"), out);
        assertTrue(line(out, "federated").contains("skipped"), out);
        assertTrue(
                Files.exists(file) && java.util.Arrays.equals(before, Files.readAllBytes(file)),
                "the Leapp file is only read");

        JsonNode sessions =
                JSON.readTree(ok(cli.run("session", "list", "-o", "json")).out());
        assertEquals(4, sessions.size(), sessions.toString());
        JsonNode sandbox = find(sessions, "Sandbox/Admin");
        assertEquals("aws-sso", sandbox.get("method").asText());
        assertEquals("210987654321", sandbox.get("attributes").get("account-id").asText());
        assertEquals("Admin", sandbox.get("attributes").get("role-name").asText());
        assertEquals(
                "https://corp.awsapps.com/start",
                sandbox.get("attributes").get("start-url").asText());
        assertEquals("eu-west-1", sandbox.get("attributes").get("sso-region").asText());
        assertEquals("us-east-2", sandbox.get("region").asText());
        JsonNode two = find(sessions, "role two");
        assertEquals("two", two.get("profile").asText());
        assertEquals("eu-north-1", two.get("region").asText());
        assertEquals(
                "role one",
                find(sessions, find(sessions, "role two").get("assumer").asText())
                        .get("alias")
                        .asText());
        assertEquals(
                "eu-west-1", find(sessions, "Frank -IAM user-").get("region").asText());

        CliHarness.Result again = ok(cli.run("import", "leapp", "--file", file.toString(), "--machine-id", MACHINE_ID));
        assertFalse(again.out().contains(" added "), again.out());
        assertTrue(line(again.out(), "role two").contains("unchanged"), again.out());
        assertEquals(
                4, JSON.readTree(cli.run("session", "list", "-o", "json").out()).size());

        ok(cli.runWithStdin(
                frank.secretAccessKey() + "\n",
                "session",
                "edit",
                "Frank -IAM user-",
                "--access-key-id",
                frank.accessKeyId(),
                "--secret-access-key-stdin"));
        ok(cli.run("session", "start", "role two"));
        Map<String, String> env = new java.util.HashMap<>(cli.environment());
        env.putAll(MOTO.env());
        assertEquals(MotoServer.assumedRoleArn("leapp2", "hop-two"), new AwsCli(env).callerArn("two"));
    }

    @Test
    void aFileFromAnotherMachineNeedsItsIdAndAMissingFileIsAUsageError() {
        CliHarness.Result wrong = cli.run(
                "import", "leapp", "--file", file.toString(), "--machine-id", "00000000000000000000000000000000");
        assertEquals(1, wrong.code(), wrong.toString());
        assertTrue(wrong.err().contains("--machine-id"), wrong.err());
        assertEquals("", wrong.out());

        CliHarness.Result missing = cli.run("import", "leapp");
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(
                missing.err().contains(".Leapp/Leapp-lock.json")
                        && missing.err().contains("--file"),
                missing.err());
    }

    /** Leapp's keys in the Secret Service, as keytar stores them: CI runs it for real (see .ci/run). */
    @Test
    void keysInLeappsKeychainEntriesAreImportedWithTheUser() throws Exception {
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
        String account = USER_ID + "-iam-user-aws-session-";
        try {
            keytarStore(account + "access-key-id", frank.accessKeyId());
            keytarStore(account + "secret-access-key", frank.secretAccessKey());
            CliHarness.Result imported =
                    ok(cli.run("import", "leapp", "--file", file.toString(), "--machine-id", MACHINE_ID));
            assertFalse(imported.out().contains("keys not imported"), imported.out());
            assertFalse(imported.out().contains(frank.secretAccessKey()));
            ok(cli.run("session", "start", "role two"));
            Map<String, String> env = new java.util.HashMap<>(cli.environment());
            env.putAll(MOTO.env());
            assertEquals(MotoServer.assumedRoleArn("leapp2", "hop-two"), new AwsCli(env).callerArn("two"));
        } finally {
            secretTool(List.of("clear", "service", "Leapp", "account", account + "access-key-id"), "");
            secretTool(List.of("clear", "service", "Leapp", "account", account + "secret-access-key"), "");
        }
    }

    /** As keytar's libsecret backend stores an entry: schema org.gnome.keyring.NodeKeyTar, service and account. */
    private static void keytarStore(String account, String secret) throws Exception {
        assertEquals(
                0,
                secretTool(
                        List.of(
                                "store",
                                "--label=Leapp/" + account,
                                "xdg:schema",
                                "org.gnome.keyring.NodeKeyTar",
                                "service",
                                "Leapp",
                                "account",
                                account),
                        secret));
    }

    private static int secretTool(List<String> args, String stdin) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("secret-tool"));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.exitValue();
    }

    private static String line(String out, String start) {
        return out.lines()
                .filter(l -> l.startsWith(start))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + start + " in\n" + out));
    }

    private static JsonNode find(JsonNode sessions, String aliasOrId) {
        for (JsonNode s : sessions) {
            if (s.get("alias").asText().equals(aliasOrId)
                    || s.get("id").asText().equals(aliasOrId)) {
                return s;
            }
        }
        throw new AssertionError("no session " + aliasOrId + " in " + sessions);
    }

    private static CliHarness.Result ok(CliHarness.Result result) {
        assertEquals(0, result.code(), result.toString());
        return result;
    }
}
