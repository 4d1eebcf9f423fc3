package io.rolehop.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import io.rolehop.adapters.aws.StsSecurityTokenService;
import io.rolehop.application.port.out.SecurityTokenService;
import io.rolehop.cli.CliHarness;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.testing.MotoServer;
import io.rolehop.testing.StsProxy;
import io.rolehop.testing.StsProxy.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * STS faults between rolehop and the endpoint (a fault-injecting proxy in front of moto): throttling, HTTP 5xx,
 * answers slower than the read timeout, connections closed or reset. A fault that clears within the SDK's attempts
 * costs nothing but time; one that persists is reported on one line after exactly
 * {@value StsSecurityTokenService#MAX_ATTEMPTS} attempts, with exit 1, and nothing is written: not the AWS files, not
 * the workspace, not the vault, not the cache.
 */
class StsFaultsTest {
    @RegisterExtension
    @Order(1)
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    @Order(2)
    static final StsProxy STS = new StsProxy(MOTO);

    private static final int ATTEMPTS = StsSecurityTokenService.MAX_ATTEMPTS;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    private static final AtomicInteger SCENARIOS = new AtomicInteger();
    private static final AtomicInteger INJECTED = new AtomicInteger();
    private static final AtomicInteger RECOVERED = new AtomicInteger();
    private static final AtomicInteger REPORTED = new AtomicInteger();

    static MotoServer.IamUser alice;
    static String roleArn;

    @TempDir
    static Path dir;

    static CliHarness cli;

    @BeforeAll
    static void chain() {
        alice = MOTO.createUser("fault-alice");
        roleArn = MOTO.createRole("fault-role", alice.arn());
        cli = new CliHarness(dir).env(STS.env()).override(new AbstractModule() {
            @Override
            protected void configure() {
                // The production adapter, with a read timeout short enough for a test to wait out four of them.
                bind(SecurityTokenService.class)
                        .toInstance(
                                new StsSecurityTokenService(cli.environment(), Duration.ofSeconds(2), READ_TIMEOUT));
            }
        });
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
                "ops",
                "--assumer",
                "alice",
                "--profile",
                "ops",
                "--role-arn",
                roleArn,
                "--role-session-name",
                "fault-hop"));
    }

    @BeforeEach
    void coldAndStopped() throws IOException {
        ok(cli.run("session", "stop", "ops"));
        Path cache = cli.rolehopHome().resolve("cache");
        if (Files.isDirectory(cache)) {
            try (Stream<Path> files = Files.list(cache)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        STS.reset();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("throttling", (Supplier<Fault>) Fault::throttling),
                Arguments.of("HTTP 500", (Supplier<Fault>) () -> Fault.status(500)),
                Arguments.of("HTTP 502", (Supplier<Fault>) () -> Fault.status(502)),
                Arguments.of("HTTP 503", (Supplier<Fault>) () -> Fault.status(503)),
                Arguments.of("an answer slower than the read timeout", (Supplier<Fault>)
                        () -> Fault.delay(READ_TIMEOUT.plusSeconds(1))),
                Arguments.of("a connection closed without an answer", (Supplier<Fault>) Fault::closeConnection),
                Arguments.of("a connection reset", (Supplier<Fault>) Fault::resetConnection));
    }

    @ParameterizedTest(name = "{0} that clears is retried and the session starts")
    @MethodSource("faults")
    void aFaultThatClearsWithinTheAttemptsIsRetried(String name, Supplier<Fault> fault) throws Exception {
        int faulted = ATTEMPTS - 1;
        STS.failNext(faulted, fault.get());
        INJECTED.addAndGet(faulted);

        CliHarness.Result r = cli.run("session", "start", "ops");

        assertEquals(0, r.code(), name + ": " + r);
        assertEquals(ATTEMPTS, STS.count("AssumeRole"), name + ": " + STS.counts());
        // The keys written work: moto says whose they are.
        var keys = Pattern.compile("\\[ops]\\n# managed by rolehop\\naws_access_key_id = (\\S+)\\n"
                        + "aws_secret_access_key = (\\S+)\\naws_session_token = (\\S+)\\n")
                .matcher(Files.readString(cli.credentialsFile()));
        assertTrue(keys.find(), Files.readString(cli.credentialsFile()).length() + " characters, no [ops] section");
        assertEquals(
                MotoServer.assumedRoleArn("fault-role", "fault-hop"),
                MOTO.callerIdentity(new TemporaryCredentials(
                        keys.group(1),
                        keys.group(2),
                        keys.group(3),
                        Instant.now().plusSeconds(600))));
        SCENARIOS.incrementAndGet();
        RECOVERED.incrementAndGet();
    }

    @ParameterizedTest(name = "{0} that persists is reported after the last attempt and nothing is written")
    @MethodSource("faults")
    void aFaultThatPersistsIsReportedAndNothingIsWritten(String name, Supplier<Fault> fault) {
        FileTree before = FileTree.of(cli.rolehopHome(), cli.credentialsFile().getParent());
        STS.failNext(ATTEMPTS + 2, fault.get());
        INJECTED.addAndGet(ATTEMPTS);
        long started = System.nanoTime();

        CliHarness.Result r = cli.run("session", "start", "ops");

        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertEquals(1, r.code(), name + ": " + r);
        assertEquals(ATTEMPTS, STS.count("AssumeRole"), "attempts for " + name + ": " + STS.counts());
        assertEquals(2, STS.pendingFaults(), "no attempt beyond the bound");
        HostileInputTest.assertOneClearLine(r.err(), name + ": " + r);
        assertTrue(r.err().contains(roleArn) && r.err().contains(STS.endpoint().toString()), r.err());
        assertTrue(r.err().contains(ATTEMPTS + " attempts"), "the message does not say it tried: " + r.err());
        assertTrue(r.err().contains("try again") || r.err().contains("check the network"), r.err());
        assertTrue(seconds < 30, "gave up only after " + seconds + " s");
        List<String> changes = before.differences(
                FileTree.of(cli.rolehopHome(), cli.credentialsFile().getParent()));
        assertTrue(changes.isEmpty(), name + " changed " + changes);
        assertFalse(r.err().contains(alice.secretAccessKey()));
        SCENARIOS.incrementAndGet();
        REPORTED.incrementAndGet();
    }

    @Test
    void aFailureAtTheSecondHopLeavesTheFilesAndTheWorkspaceAsTheyWereAndPrintsNoSecretEvenWithDebug()
            throws Exception {
        MOTO.createRole("fault-role-2", MotoServer.assumedRoleArn("fault-role", "fault-hop"));
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "deep",
                "--assumer",
                "ops",
                "--profile",
                "deep",
                "--role-arn",
                MotoServer.roleArn("fault-role-2"),
                "--role-session-name",
                "deep-hop"));
        ok(cli.run("session", "start", "ops"));
        FileTree before = FileTree.of(cli.credentialsFile().getParent());
        byte[] workspace = Files.readAllBytes(cli.rolehopHome().resolve("workspace.json"));
        STS.reset();
        STS.failNext(ATTEMPTS, Fault.status(503));
        INJECTED.addAndGet(ATTEMPTS);

        CliHarness.Result r = cli.run("--debug", "session", "start", "deep");

        assertEquals(1, r.code(), r.toString());
        assertEquals(ATTEMPTS, STS.count("AssumeRole"), STS.counts().toString());
        assertTrue(before.differences(FileTree.of(cli.credentialsFile().getParent()))
                .isEmpty());
        assertTrue(java.util.Arrays.equals(
                workspace, Files.readAllBytes(cli.rolehopHome().resolve("workspace.json"))));
        for (String secret : secretsOnDisk()) {
            assertFalse(r.err().contains(secret), "--debug printed a secret");
        }
        assertFalse(r.err().contains(alice.secretAccessKey()));
        ok(cli.run("session", "start", "deep"));
        SCENARIOS.incrementAndGet();
        REPORTED.incrementAndGet();
    }

    /** Every secret access key and session token rolehop holds in plain files: the cache and the credentials file. */
    private static List<String> secretsOnDisk() throws IOException {
        String all = Files.readString(cli.credentialsFile());
        Path cache = cli.rolehopHome().resolve("cache");
        try (Stream<Path> files = Files.list(cache)) {
            for (Path f : files.toList()) {
                all += "\n" + Files.readString(f);
            }
        }
        return Pattern.compile("(?:aws_secret_access_key|aws_session_token) = (\\S+)"
                        + "|\"(?:SecretAccessKey|SessionToken)\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(all)
                .results()
                .map(m -> m.group(1) != null ? m.group(1) : m.group(2))
                .toList();
    }

    @AfterAll
    static void printFigures() {
        System.out.println("reliability: STS faults: " + SCENARIOS.get() + " scenarios (throttling, HTTP 500/502/503,"
                + " read timeouts, closed and reset connections), " + INJECTED.get() + " faulted requests injected; "
                + RECOVERED.get() + " recovered within " + ATTEMPTS + " attempts, " + REPORTED.get()
                + " reported on one line after exactly " + ATTEMPTS + " attempts with exit 1 and nothing written");
        assertFalse(cli.transcript().contains(alice.secretAccessKey()), "a secret was printed");
    }

    private static void ok(CliHarness.Result r) {
        assertEquals(0, r.code(), r.toString());
    }
}
