package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.testing.AwsCli;
import io.rolehop.testing.Botocore;
import io.rolehop.testing.MotoServer;
import io.rolehop.testing.StsProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * IAM Role Chained sessions end to end, through the real command line, against moto_server with authentication
 * enforced; the AWS CLI and botocore read what rolehop wrote. STS calls are counted at a proxy in front of moto.
 */
class RoleChainEndToEndTest {
    @RegisterExtension
    @Order(1)
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    @Order(2)
    static final StsProxy STS = new StsProxy(MOTO);

    private static final ObjectMapper JSON = new ObjectMapper();
    static MotoServer.IamUser alice;

    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeAll
    static void createChain() {
        alice = MOTO.createUser("alice");
        MOTO.createRole("role1", alice.arn());
        MOTO.createRole("role2", MotoServer.assumedRoleArn("role1", "hop1"));
        MOTO.createRole("role3", MotoServer.assumedRoleArn("role2", "hop2"));
        MOTO.createRole("lonely", MotoServer.assumedRoleArn("role1", "someone-else"));
    }

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir).env(STS.env());
    }

    private void addChain() {
        ok(cli.runWithStdin(
                alice.secretAccessKey() + "\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "alice",
                "--profile",
                "alice",
                "--access-key-id",
                alice.accessKeyId(),
                "--secret-access-key-stdin"));
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "r1",
                "--assumer",
                "alice",
                "--profile",
                "p1",
                "--role-arn",
                MotoServer.roleArn("role1"),
                "--role-session-name",
                "hop1"));
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "r2",
                "--assumer",
                "r1",
                "--profile",
                "p2",
                "--role-arn",
                MotoServer.roleArn("role2"),
                "--role-session-name",
                "hop2"));
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "r3",
                "--assumer",
                "r2",
                "--profile",
                "p3",
                "--role-arn",
                MotoServer.roleArn("role3"),
                "--role-session-name",
                "hop3"));
    }

    private AwsCli aws() {
        return new AwsCli(MOTO.env())
                .with("AWS_CONFIG_FILE", cli.configFile())
                .with("AWS_SHARED_CREDENTIALS_FILE", cli.credentialsFile());
    }

    @Test
    void threeDeepChainStartsWithOneAssumeRolePerHopAndEveryProfileWorks() {
        addChain();
        STS.reset();
        ok(cli.run("session", "start", "r3"));
        assertEquals(3, STS.count("AssumeRole"), STS.counts().toString());
        assertEquals(3, STS.total(), STS.counts().toString());

        STS.reset();
        ok(cli.run("session", "start", "r2"));
        ok(cli.run("session", "start", "r1"));
        assertEquals(0, STS.total(), "r1 and r2 were cached while r3 was resolved: " + STS.counts());

        assertEquals(MotoServer.assumedRoleArn("role3", "hop3"), aws().callerArn("p3"));
        assertEquals(MotoServer.assumedRoleArn("role2", "hop2"), aws().callerArn("p2"));
        assertEquals(MotoServer.assumedRoleArn("role1", "hop1"), aws().callerArn("p1"));

        STS.reset();
        ok(cli.run("session", "start", "alice"));
        assertEquals(1, STS.count("GetSessionToken"), "long-term keys are exchanged, never written");
        // moto answers GetSessionToken with fixed example keys it does not accept itself, so the AWS CLI cannot
        // prove this profile; botocore shows that a session token, not the user's key, was written.
        Botocore.ResolvedProfile written = Botocore.resolveProfile(cli.configFile(), cli.credentialsFile(), "alice");
        assertTrue(written.sessionToken().isPresent());
        assertFalse(written.accessKeyId().orElseThrow().equals(alice.accessKeyId()));
        assertFalse(cli.read(cli.credentialsFile()).contains(alice.secretAccessKey()));

        Botocore.ResolvedProfile p3 = Botocore.resolveProfile(cli.configFile(), cli.credentialsFile(), "p3");
        assertEquals(java.util.Optional.of("us-east-1"), p3.region());
        assertFalse(cli.transcript().contains(alice.secretAccessKey()), "a secret was printed");
    }

    @Test
    void secondStartOfAValidSessionMakesNoStsCall() throws Exception {
        addChain();
        STS.reset();
        ok(cli.run("session", "start", "r3"));
        assertEquals(3, STS.count("AssumeRole"), "the first start goes through the counting proxy: " + STS.counts());
        String credentials = Files.readString(cli.credentialsFile());
        STS.reset();
        CliHarness.Result again = cli.run("session", "start", "r3");
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().contains("already active"), again.out());
        assertEquals(0, STS.total(), STS.counts().toString());
        assertEquals(credentials, Files.readString(cli.credentialsFile()));
    }

    @Test
    void aWrongSecretFailsClearlyAndWritesNothing() throws Exception {
        ok(cli.runWithStdin(
                "x".repeat(40) + "\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "mallory",
                "--access-key-id",
                alice.accessKeyId(),
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
                MotoServer.roleArn("role1"),
                "--role-session-name",
                "hop1"));
        CliHarness.Result r = cli.run("session", "start", "m1");
        assertEquals(1, r.code(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(
                r.err().toLowerCase().contains("secret")
                        || r.err().toLowerCase().contains("signature"),
                r.err());
        assertFalse(r.err().contains("x".repeat(40)));
        assertFalse(Files.exists(cli.credentialsFile()));
        assertFalse(Files.exists(cli.configFile()));
        JsonNode list = JSON.readTree(cli.run("session", "list", "-o", "json").out());
        list.forEach(s -> assertEquals("inactive", s.get("status").asText()));
    }

    @Test
    void anUntrustedHopIsDeniedNamingTheRoleAndWritesNothing() throws Exception {
        addChain();
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "lonely",
                "--assumer",
                "r1",
                "--role-arn",
                MotoServer.roleArn("lonely"),
                "--role-session-name",
                "hop4",
                "--profile",
                "p1"));
        ok(cli.run("session", "start", "r2"));
        byte[] credentials = Files.readAllBytes(cli.credentialsFile());
        byte[] config = Files.readAllBytes(cli.configFile());
        CliHarness.Result r = cli.run("session", "start", "lonely");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains(MotoServer.roleArn("lonely")), r.err());
        assertTrue(r.err().toLowerCase().contains("denied"), r.err());
        assertEquals(new String(credentials), Files.readString(cli.credentialsFile()));
        assertEquals(new String(config), Files.readString(cli.configFile()));
        JsonNode lonely =
                JSON.readTree(cli.run("session", "list", "-o", "json").out()).get(4);
        assertEquals("inactive", lonely.get("status").asText());
    }

    @Test
    void foreignProfilesAndCommentsSurviveAndForeignSectionsNeedForce() throws Exception {
        String foreignCredentials = """
                # my personal keys, do not lose
                [personal]
                aws_access_key_id = AKIAPERSONALEXAMPLE1
                aws_secret_access_key = personal-secret

                ; a second comment style
                [p1]
                aws_access_key_id = AKIAFOREIGNEXAMPLE12
                aws_secret_access_key = foreign-secret
                """;
        String foreignConfig = """
                [default]
                region = eu-west-1
                s3 =
                  max_concurrent_requests = 20
                  multipart_threshold = 64MB

                [profile personal]
                region = ap-southeast-2
                """;
        Files.createDirectories(cli.credentialsFile().getParent());
        Files.writeString(cli.credentialsFile(), foreignCredentials);
        Files.writeString(cli.configFile(), foreignConfig);
        addChain();

        CliHarness.Result refused = cli.run("session", "start", "r1");
        assertEquals(1, refused.code(), refused.toString());
        assertTrue(refused.err().contains("--force"), refused.err());
        assertEquals(foreignCredentials, Files.readString(cli.credentialsFile()));
        assertEquals(foreignConfig, Files.readString(cli.configFile()));

        ok(cli.run("session", "start", "r2"));
        String credentials = Files.readString(cli.credentialsFile());
        assertTrue(
                credentials.startsWith(foreignCredentials), "foreign content must stay byte for byte:\n" + credentials);
        assertTrue(Files.readString(cli.configFile()).startsWith(foreignConfig));
        Map<String, Map<String, Object>> parsed = Botocore.rawConfigParse(cli.credentialsFile());
        assertEquals("AKIAPERSONALEXAMPLE1", parsed.get("personal").get("aws_access_key_id"));
        assertEquals("AKIAFOREIGNEXAMPLE12", parsed.get("p1").get("aws_access_key_id"));
        Map<String, Map<String, Object>> config = Botocore.rawConfigParse(cli.configFile());
        assertEquals(
                Map.of("max_concurrent_requests", "20", "multipart_threshold", "64MB"),
                config.get("default").get("s3"));
        assertEquals("us-east-1", config.get("profile p2").get("region"));
        assertEquals(MotoServer.assumedRoleArn("role2", "hop2"), aws().callerArn("p2"));
        assertEquals(0, cli.run("session", "stop", "r2").code());
        assertEquals(foreignCredentials, Files.readString(cli.credentialsFile()));
        assertEquals(foreignConfig, Files.readString(cli.configFile()));

        ok(cli.run("session", "start", "r1", "--force"));
        assertEquals(MotoServer.assumedRoleArn("role1", "hop1"), aws().callerArn("p1"));
        assertTrue(Files.list(cli.credentialsFile().getParent())
                .anyMatch(p -> p.getFileName().toString().startsWith("credentials.rolehop-backup-")));
    }

    @Test
    void generatePrintsCredentialProcessJsonThatWorks() throws Exception {
        addChain();
        CliHarness.Result r = cli.run("session", "generate", "r3");
        assertEquals(0, r.code(), r.toString());
        assertEquals("", r.err());
        JsonNode json = JSON.readTree(r.out());
        assertEquals(1, json.get("Version").asInt());
        assertEquals(5, json.size(), r.out());
        assertTrue(r.out().strip().startsWith("{\"Version\":1,\"AccessKeyId\":"), r.out());
        Instant expiration = Instant.parse(json.get("Expiration").asText());
        assertTrue(expiration.isAfter(Instant.now()));
        TemporaryCredentials c = new TemporaryCredentials(
                json.get("AccessKeyId").asText(),
                json.get("SecretAccessKey").asText(),
                json.get("SessionToken").asText(),
                expiration);
        assertEquals(MotoServer.assumedRoleArn("role3", "hop3"), MOTO.callerIdentity(c));
        assertFalse(Files.exists(cli.credentialsFile()), "generate writes no AWS file");
        STS.reset();
        ok(cli.run("session", "generate", "r3"));
        assertEquals(0, STS.total(), "warm generate calls no STS");
    }

    @Test
    void deleteOfAnActiveChainRemovesItsProfiles() throws Exception {
        addChain();
        ok(cli.run("session", "start", "r3"));
        ok(cli.run("session", "start", "r1"));
        ok(cli.run("session", "delete", "r1", "--cascade", "--yes"));
        // rolehop created both files for these sections: with the last section, each file goes again.
        assertFalse(Files.exists(cli.credentialsFile()), "credentials file");
        assertFalse(Files.exists(cli.configFile()), "config file");
    }

    @Test
    void editOfAnActiveSessionReappliesIt() throws Exception {
        addChain();
        ok(cli.run("session", "start", "r2"));
        ok(cli.run("session", "edit", "r2", "--profile", "moved"));
        Map<String, Map<String, Object>> parsed = Botocore.rawConfigParse(cli.credentialsFile());
        assertFalse(parsed.containsKey("p2"), parsed.toString());
        assertEquals(MotoServer.assumedRoleArn("role2", "hop2"), aws().callerArn("moved"));
    }

    private static void ok(CliHarness.Result r) {
        assertEquals(0, r.code(), r.toString());
    }
}
