package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolehop.application.fakes.MutableClock;
import io.rolehop.testing.AwsCli;
import io.rolehop.testing.Botocore;
import io.rolehop.testing.MotoServer;
import io.rolehop.testing.StsProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotation of file-mode sessions, driven by a clock the test moves, against moto with authentication enforced:
 * refreshed credentials are new and work; a failed refresh keeps valid credentials; expired ones are removed.
 */
class RotationTest {
    @RegisterExtension
    @Order(1)
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    @Order(2)
    static final StsProxy STS = new StsProxy(MOTO);

    private static final ObjectMapper JSON = new ObjectMapper();
    static MotoServer.IamUser carol;

    @TempDir
    Path dir;

    MutableClock clock;
    CliHarness cli;

    @BeforeAll
    static void createChain() {
        carol = MOTO.createUser("carol");
        MOTO.createRole("rot1", carol.arn());
        MOTO.createRole("rot2", MotoServer.assumedRoleArn("rot1", "rot-hop1"));
        MOTO.createRole("rot3", MotoServer.assumedRoleArn("rot2", "rot-hop2"));
    }

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.now());
        cli = new CliHarness(dir).env(STS.env()).clock(clock);
        ok(cli.runWithStdin(
                carol.secretAccessKey() + "\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "carol",
                "--access-key-id",
                carol.accessKeyId(),
                "--secret-access-key-stdin"));
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "x1",
                "--assumer",
                "carol",
                "--profile",
                "x1",
                "--role-arn",
                MotoServer.roleArn("rot1"),
                "--role-session-name",
                "rot-hop1"));
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "x2",
                "--assumer",
                "x1",
                "--profile",
                "x2",
                "--role-arn",
                MotoServer.roleArn("rot2"),
                "--role-session-name",
                "rot-hop2"));
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "x3",
                "--assumer",
                "x2",
                "--profile",
                "x3",
                "--role-arn",
                MotoServer.roleArn("rot3"),
                "--role-session-name",
                "rot-hop3"));
    }

    private AwsCli aws() {
        return new AwsCli(MOTO.env())
                .with("AWS_CONFIG_FILE", cli.configFile())
                .with("AWS_SHARED_CREDENTIALS_FILE", cli.credentialsFile());
    }

    private String keyOf(String profile) {
        return (String)
                Botocore.rawConfigParse(cli.credentialsFile()).get(profile).get("aws_access_key_id");
    }

    @Test
    void nothingIsDueRightAfterAStart() {
        ok(cli.run("session", "start", "x3"));
        STS.reset();
        CliHarness.Result r = cli.run("rotate");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("nothing to rotate"), r.out());
        assertEquals(0, STS.total());
    }

    @Test
    void dueSessionsAreRefreshedThroughTheChainWithNewWorkingKeys() throws Exception {
        ok(cli.run("session", "start", "x3"));
        String before = keyOf("x3");
        // Past every hop's expiry (moto dates them by its own clock, a little after this test's): none of them can
        // sign the next call any more, so the whole chain is derived again.
        clock.advance(Duration.ofMinutes(62));
        STS.reset();
        CliHarness.Result r = cli.run("rotate", "-o", "json");
        assertEquals(0, r.code(), r.toString());
        JsonNode rotations = JSON.readTree(r.out());
        assertEquals(1, rotations.size(), r.out());
        assertEquals("x3", rotations.get(0).get("alias").asText());
        assertEquals("refreshed", rotations.get(0).get("outcome").asText());
        assertEquals(3, STS.count("AssumeRole"), "every hop was due: " + STS.counts());
        assertNotEquals(before, keyOf("x3"));
        assertEquals(MotoServer.assumedRoleArn("rot3", "rot-hop3"), aws().callerArn("x3"));
    }

    @Test
    void aFailedRefreshKeepsValidCredentialsAndSaysSo() throws Exception {
        ok(cli.run("session", "start", "x3"));
        byte[] before = Files.readAllBytes(cli.credentialsFile());
        clock.advance(Duration.ofMinutes(50));
        STS.failNext(100, StsProxy.Fault.status(503));
        CliHarness.Result r = cli.run("rotate");
        STS.reset();
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("could not refresh 'x3'"), r.out());
        assertTrue(r.out().contains("previous credentials stay in place"), r.out());
        assertEquals(new String(before), Files.readString(cli.credentialsFile()));
        assertEquals(MotoServer.assumedRoleArn("rot3", "rot-hop3"), aws().callerArn("x3"));
    }

    @Test
    void expiredCredentialsThatCannotBeRefreshedAreRemovedAndTheSessionStopped() throws Exception {
        ok(cli.run("session", "start", "x3"));
        ok(cli.run("session", "start", "x1"));
        clock.advance(Duration.ofHours(2));
        STS.failNext(100, StsProxy.Fault.status(503));
        CliHarness.Result r = cli.run("rotate");
        STS.reset();
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("stopped 'x3'"), r.out());
        // Both sessions stopped: the credentials file rolehop created for them is gone with their sections.
        assertFalse(Files.exists(cli.credentialsFile()), "credentials file");
        JsonNode list = JSON.readTree(cli.run("session", "list", "-o", "json").out());
        list.forEach(s -> assertEquals("inactive", s.get("status").asText(), s.toString()));
    }

    @Test
    void aMarginLongerThanTheLifetimeRefreshesOnEveryRotation() throws Exception {
        cli.clock(java.time.Clock.systemUTC());
        ok(cli.run("settings", "set", "refresh-margin-seconds", "7200"));
        ok(cli.run("session", "start", "x2"));
        String first = keyOf("x2");
        ok(cli.run("rotate"));
        String second = keyOf("x2");
        ok(cli.run("rotate"));
        String third = keyOf("x2");
        assertNotEquals(first, second);
        assertNotEquals(second, third);
        assertEquals(MotoServer.assumedRoleArn("rot2", "rot-hop2"), aws().callerArn("x2"));
    }

    @Test
    void theDaemonRotatesAndLogsOneLinePerRotation() throws Exception {
        ok(cli.run("session", "start", "x3"));
        clock.advance(Duration.ofMinutes(50));
        CliHarness.Result r = cli.run("daemon", "--max-rotations", "1");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("daemon started"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.contains("refreshed 'x3'")), r.out());
        assertTrue(r.out().contains("daemon stopped"), r.out());
        assertEquals(MotoServer.assumedRoleArn("rot3", "rot-hop3"), aws().callerArn("x3"));
    }

    @Test
    void theDaemonRefusesALinkAsItsLockAndLeavesTheTargetAlone() throws Exception {
        java.nio.file.Files.createDirectories(cli.rolehopHome());
        java.nio.file.Path target = dir.resolve("elsewhere.txt");
        java.nio.file.Files.writeString(target, "not rolehop's");
        java.nio.file.Files.createSymbolicLink(cli.rolehopHome().resolve("daemon.lock"), target);

        CliHarness.Result r = cli.run("daemon", "--max-rotations", "1");

        assertEquals(1, r.code(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("daemon.lock") && r.err().contains("symbolic link"), r.err());
        assertEquals("not rolehop's", java.nio.file.Files.readString(target));
    }

    private static void ok(CliHarness.Result r) {
        assertEquals(0, r.code(), r.toString());
    }
}
