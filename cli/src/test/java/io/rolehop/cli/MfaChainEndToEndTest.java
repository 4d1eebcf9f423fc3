package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolehop.adapters.filesystem.EncryptedFileSecretStore;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.testing.AwsCli;
import io.rolehop.testing.MotoServer;
import io.rolehop.testing.StsProxy;
import io.rolehop.testing.StsProxy.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IAM user with an MFA device at the root of a three-deep chain, through the real command line, against moto with
 * authentication enforced: one code opens the chain, every chained start below reuses the MFA session token until
 * logout, and the token lives in the secret store, never in the plain cache. STS calls are counted at a proxy.
 *
 * <p>moto checks no MFA code, and answers {@code GetSessionToken} with fixed example keys that it refuses itself on
 * any later call (and it refuses a user's own key presented with a session token), so no chain can be built on what
 * it returns. The proxy therefore answers each {@code GetSessionToken} (counted like every call) with temporary
 * credentials moto does accept: those of a session of the stand-in role {@code mfa-session} that the test assumes
 * as dana, straight at moto, beside the proxy. To rolehop they are dana's MFA session token; to moto their identity
 * is {@code assumed-role/mfa-session/dana-mfa}, which is what role1 trusts. Every {@code AssumeRole} of the chain
 * goes to moto, which checks signature, policies and trust as usual. See {@link #mfaUser}.
 */
class MfaChainEndToEndTest {
    @RegisterExtension
    @Order(1)
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    @Order(2)
    static final StsProxy STS = new StsProxy(MOTO);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEVICE = "arn:aws:iam::" + MotoServer.ACCOUNT_ID + ":mfa/dana";
    static MotoServer.IamUser dana;
    /** The session token of the last GetSessionToken answer. */
    static String mfaSessionToken;

    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeAll
    static void createChain() {
        dana = MOTO.createUser("dana");
        MOTO.createRole("mfa-session", dana.arn());
        MOTO.createRole("mfa-role1", MotoServer.assumedRoleArn("mfa-session", "dana-mfa"));
        MOTO.createRole("mfa-role2", MotoServer.assumedRoleArn("mfa-role1", "mfa-hop1"));
        MOTO.createRole("mfa-role3", MotoServer.assumedRoleArn("mfa-role2", "mfa-hop2"));
    }

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir).env(STS.env());
        ok(cli.runWithStdin(
                dana.secretAccessKey() + "\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "dana",
                "--profile",
                "dana",
                "--access-key-id",
                dana.accessKeyId(),
                "--secret-access-key-stdin",
                "--mfa-device",
                DEVICE));
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "role1",
                "--assumer",
                "dana",
                "--profile",
                "p1",
                "--role-arn",
                MotoServer.roleArn("mfa-role1"),
                "--role-session-name",
                "mfa-hop1"));
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "role2",
                "--assumer",
                "role1",
                "--profile",
                "p2",
                "--role-arn",
                MotoServer.roleArn("mfa-role2"),
                "--role-session-name",
                "mfa-hop2"));
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "role3",
                "--assumer",
                "role2",
                "--profile",
                "p3",
                "--role-arn",
                MotoServer.roleArn("mfa-role3"),
                "--role-session-name",
                "mfa-hop3"));
        STS.reset();
    }

    /** The next GetSessionToken is answered with credentials moto accepts (see the class comment). */
    private static void mfaUser() {
        TemporaryCredentials session =
                MOTO.assumeRole(dana.credentials(), MotoServer.roleArn("mfa-session"), "dana-mfa");
        mfaSessionToken = session.sessionToken();
        STS.failNext(
                1,
                Fault.sessionToken(
                        session.accessKeyId(),
                        session.secretAccessKey(),
                        session.sessionToken(),
                        session.expiration()));
    }

    private AwsCli aws() {
        return new AwsCli(MOTO.env())
                .with("AWS_CONFIG_FILE", cli.configFile())
                .with("AWS_SHARED_CREDENTIALS_FILE", cli.credentialsFile());
    }

    private String id(String alias) throws IOException {
        for (JsonNode s : JSON.readTree(cli.run("session", "list", "-o", "json").out())) {
            if (s.get("alias").asText().equals(alias)) {
                return s.get("id").asText();
            }
        }
        throw new AssertionError("no session " + alias);
    }

    private EncryptedFileSecretStore vault() {
        return new EncryptedFileSecretStore(
                cli.rolehopHome().resolve("secrets.vault"),
                () -> Optional.of(
                        cli.environment().get("ROLEHOP_VAULT_PASSPHRASE").toCharArray()));
    }

    private List<Path> cacheFiles() throws IOException {
        Path cache = cli.rolehopHome().resolve("cache");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.toList();
        }
    }

    @Test
    void oneCodeStartsTheChainAndRole2AfterRole3AsksForNothing() throws Exception {
        mfaUser();
        CliHarness.Result started = cli.run("session", "start", "role3", "--mfa-code", "123456");

        ok(started);
        assertEquals(Map.of("GetSessionToken", 1, "AssumeRole", 3), STS.counts(), "cold start of the MFA chain");
        Map<String, String> sent = STS.parameters("GetSessionToken").get(0);
        assertEquals(DEVICE, sent.get("SerialNumber"));
        assertEquals("123456", sent.get("TokenCode"));
        assertEquals("43200", sent.get("DurationSeconds"), "twelve hours by default");
        assertEquals(MotoServer.assumedRoleArn("mfa-role3", "mfa-hop3"), aws().callerArn("p3"));

        STS.reset();
        ok(cli.run("session", "start", "role2"));
        ok(cli.run("session", "start", "role1"));
        ok(cli.run("session", "generate", "role3"));
        assertEquals(Map.of(), STS.counts(), "role2 and role1 after role3 ask for no code and call no STS");
        assertEquals(MotoServer.assumedRoleArn("mfa-role2", "mfa-hop2"), aws().callerArn("p2"));
        assertEquals(MotoServer.assumedRoleArn("mfa-role1", "mfa-hop1"), aws().callerArn("p1"));

        // The MFA session token is in the secret store, and in no plain file.
        String key = "session/" + id("dana") + "/.cached-credentials";
        assertTrue(vault().get(key).orElseThrow().contains(mfaSessionToken));
        assertFalse(Files.exists(cli.rolehopHome().resolve("cache").resolve(id("dana") + ".json")));
        for (Path file : cacheFiles()) {
            assertFalse(Files.readString(file).contains(mfaSessionToken), file.toString());
        }
        assertFalse(cli.read(cli.rolehopHome().resolve("workspace.json")).contains(mfaSessionToken));
        assertEquals(
                3,
                cacheFiles().stream()
                        .filter(p -> p.toString().endsWith(".json"))
                        .count(),
                "the three role hops are in the plain cache: " + cacheFiles());
    }

    @Test
    void afterLogoutTheNextStartAsksAgainAndWithoutACodeSourceExitsThree() throws Exception {
        mfaUser();
        ok(cli.run("session", "start", "role3", "--mfa-code", "123456"));
        String key = "session/" + id("dana") + "/.cached-credentials";

        CliHarness.Result out = cli.run("session", "logout", "dana");
        ok(out);
        assertEquals(
                List.of(
                        "forgot the cached credentials of 'dana'",
                        "forgot the cached credentials of 'role1'",
                        "forgot the cached credentials of 'role2'",
                        "forgot the cached credentials of 'role3' (profile p3 keeps its credentials until they expire;"
                                + " 'rolehop session stop' removes them)"),
                out.out().lines().toList());
        assertEquals(Optional.empty(), vault().get(key));
        assertEquals(
                List.of(),
                cacheFiles().stream()
                        .filter(p -> p.toString().endsWith(".json"))
                        .toList());
        assertTrue(vault().get("session/" + id("dana") + "/secret-access-key").isPresent(), "keys are kept");

        STS.reset();
        CliHarness.Result noCode = cli.run("session", "start", "role2");
        assertEquals(3, noCode.code(), noCode.toString());
        assertEquals(
                "rolehop: session 'dana' needs an MFA code for " + DEVICE + " and there is no terminal to ask"
                        + " on; pass --mfa-code CODE, or give the session an mfa-command or set ROLEHOP_MFA_COMMAND: a command that prints one\n",
                noCode.err());
        assertEquals(Map.of(), STS.counts(), "nothing is asked of STS without a code");

        mfaUser();
        ok(cli.run("session", "start", "role2", "--mfa-code", "654321"));
        assertEquals(Map.of("GetSessionToken", 1, "AssumeRole", 2), STS.counts(), "after logout");
        assertEquals("654321", STS.parameters("GetSessionToken").get(0).get("TokenCode"));
    }

    @Test
    void anMfaCommandIsRunOnceForAnyNumberOfChainedStarts() throws Exception {
        Path asked = dir.resolve("asked");
        ok(cli.run(
                "session",
                "edit",
                "dana",
                "--mfa-command",
                "echo \"$ROLEHOP_MFA_DEVICE\" >> '" + asked + "'; echo 246810"));
        mfaUser();

        ok(cli.run("session", "start", "role1"));
        ok(cli.run("session", "start", "role3"));
        ok(cli.run("session", "start", "role2"));
        ok(cli.run("session", "generate", "role2"));

        assertEquals(List.of(DEVICE), Files.readAllLines(asked), "one code for the whole chain");
        assertEquals("246810", STS.parameters("GetSessionToken").get(0).get("TokenCode"));
        assertEquals(1, STS.count("GetSessionToken"));
        assertEquals(3, STS.count("AssumeRole"));
    }

    @Test
    void theEnvironmentsMfaCommandServesWhenTheSessionHasNone() throws Exception {
        cli.env("ROLEHOP_MFA_COMMAND", "printf 135790");
        mfaUser();

        ok(cli.run("session", "start", "role1"));

        assertEquals("135790", STS.parameters("GetSessionToken").get(0).get("TokenCode"));
    }

    @Test
    void aWrongOrReusedCodeSaysSoAndCachesNothing() throws Exception {
        STS.failNext(
                1,
                Fault.error(
                        403, "AccessDenied", "MultiFactorAuthentication failed with invalid MFA one time pass code."));

        CliHarness.Result wrong = cli.run("session", "start", "role3", "--mfa-code", "000000");

        assertEquals(1, wrong.code(), wrong.toString());
        assertTrue(
                wrong.err()
                        .startsWith("rolehop: session 'dana' in the chain dana > role1 > role2 > role3 of"
                                + " 'role3': MFA code rejected for device " + DEVICE),
                wrong.err());
        assertTrue(wrong.err().contains("a code is valid once and only while the device shows it"), wrong.err());
        assertEquals(1, wrong.err().strip().lines().count(), wrong.err());
        assertEquals(Map.of("GetSessionToken", 1), STS.counts());
        assertEquals(Optional.empty(), vault().get("session/" + id("dana") + "/.cached-credentials"));
        assertEquals(
                List.of(),
                cacheFiles().stream()
                        .filter(p -> p.toString().endsWith(".json"))
                        .toList());
        assertFalse(Files.exists(cli.credentialsFile()));

        mfaUser();
        ok(cli.run("session", "start", "role3", "--mfa-code", "123456"));
        assertEquals(MotoServer.assumedRoleArn("mfa-role3", "mfa-hop3"), aws().callerArn("p3"));
    }

    @Test
    void aMalformedCodeIsAUsageErrorBeforeAnyCall() {
        CliHarness.Result r = cli.run("session", "start", "role1", "--mfa-code", "12345");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("six digits"), r.err());
        assertEquals(0, STS.total());
    }

    @Test
    void theMfaSessionDurationIsConfigurable() {
        ok(cli.run("session", "edit", "dana", "--mfa-session-duration", "3600"));
        mfaUser();

        ok(cli.run("session", "start", "role1", "--mfa-code", "123456"));

        assertEquals("3600", STS.parameters("GetSessionToken").get(0).get("DurationSeconds"));
    }

    private static void ok(CliHarness.Result r) {
        assertEquals(0, r.code(), r.toString());
    }
}
