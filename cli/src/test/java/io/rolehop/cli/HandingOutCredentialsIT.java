package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.testing.AwsCli;
import io.rolehop.testing.Botocore;
import io.rolehop.testing.MotoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three ways of handing credentials to tools, through the assembled {@code bin/rolehop} on the module path, as a
 * user runs it: a credential_process profile read by the AWS CLI, {@code exec}, and the rotation daemon's life cycle.
 */
class HandingOutCredentialsIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    static MotoServer.IamUser dave;

    @TempDir
    Path dir;

    Map<String, String> env;

    @BeforeAll
    static void createChain() {
        dave = MOTO.createUser("dave");
        MOTO.createRole("cp1", dave.arn());
        MOTO.createRole("cp2", MotoServer.assumedRoleArn("cp1", "cp-hop1"));
        MOTO.createRole("cp3", MotoServer.assumedRoleArn("cp2", "cp-hop2"));
    }

    @BeforeEach
    void setUp() throws Exception {
        env = new HashMap<>(Dist.isolatedEnv(dir));
        env.putAll(MOTO.env());
        ok(rolehop(
                dave.secretAccessKey() + "\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "dave",
                "--access-key-id",
                dave.accessKeyId(),
                "--secret-access-key-stdin"));
        ok(rolehop(
                "",
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "c1",
                "--assumer",
                "dave",
                "--role-arn",
                MotoServer.roleArn("cp1"),
                "--role-session-name",
                "cp-hop1",
                "--profile",
                "c1"));
        ok(rolehop(
                "",
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "c2",
                "--assumer",
                "c1",
                "--role-arn",
                MotoServer.roleArn("cp2"),
                "--role-session-name",
                "cp-hop2",
                "--profile",
                "c2"));
        ok(rolehop(
                "",
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "c3",
                "--assumer",
                "c2",
                "--role-arn",
                MotoServer.roleArn("cp3"),
                "--role-session-name",
                "cp-hop3",
                "--profile",
                "c3"));
    }

    private Dist.Result rolehop(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Dist.launcher().toString());
        command.addAll(List.of(args));
        return Dist.run(dir, command, env, stdin);
    }

    private AwsCli aws() {
        return new AwsCli(env);
    }

    @Test
    void aCredentialProcessProfileOfAThreeDeepChainWorksInTheAwsCli() throws Exception {
        ok(rolehop("", "session", "start", "c3", "--mode", "credential-process"));
        Path config = Path.of(env.get("AWS_CONFIG_FILE"));
        Map<String, Object> section = Botocore.rawConfigParse(config).get("profile c3");
        String process = (String) section.get("credential_process");
        // The stable link under ROLEHOP_HOME, pointing at the launcher that wrote the line.
        Path link = Path.of(env.get("ROLEHOP_HOME"), "bin", "rolehop");
        assertTrue(process.startsWith(link + " session generate "), process);
        assertEquals(Dist.launcher(), Files.readSymbolicLink(link));
        assertEquals("us-east-1", section.get("region"));
        Path credentials = Path.of(env.get("AWS_SHARED_CREDENTIALS_FILE"));
        assertFalse(
                Files.exists(credentials)
                        && Botocore.rawConfigParse(credentials).containsKey("c3"),
                "no keys are written in credential_process mode");

        assertEquals(MotoServer.assumedRoleArn("cp3", "cp-hop3"), aws().callerArn("c3"));

        ok(rolehop("", "session", "stop", "c3"));
        assertFalse(Files.exists(config), "the config file the start created goes with its section");
    }

    @Test
    void switchingAnActiveSessionToFileModeReplacesTheCredentialProcessLine() throws Exception {
        ok(rolehop("", "session", "start", "c2", "--mode", "credential-process"));
        ok(rolehop("", "session", "start", "c2", "--mode", "file"));
        Path config = Path.of(env.get("AWS_CONFIG_FILE"));
        assertFalse(Botocore.rawConfigParse(config).get("profile c2").containsKey("credential_process"));
        assertEquals(MotoServer.assumedRoleArn("cp2", "cp-hop2"), aws().callerArn("c2"));
    }

    @Test
    void execRunsTheCommandWithTheSessionsIdentityAndReturnsItsExitCode() throws Exception {
        env.put("AWS_PROFILE", "some-profile-that-would-win");
        Dist.Result who = rolehop(
                "", "exec", "c3", "--", "aws", "sts", "get-caller-identity", "--query", "Arn", "--output", "text");
        assertEquals(0, who.code(), who.toString());
        assertEquals(MotoServer.assumedRoleArn("cp3", "cp-hop3"), who.out().strip());

        Dist.Result status = rolehop("", "exec", "c1", "--", "sh", "-c", "exit 7");
        assertEquals(7, status.code(), status.toString());

        Dist.Result environment = rolehop(
                "",
                "exec",
                "c1",
                "--",
                "sh",
                "-c",
                "echo \"$AWS_REGION $AWS_DEFAULT_REGION ${AWS_PROFILE:-unset} ${ROLEHOP_VAULT_PASSPHRASE:-hidden}\";"
                        + " test -n \"$AWS_SESSION_TOKEN\" && test -n \"$AWS_CREDENTIAL_EXPIRATION\"");
        assertEquals(0, environment.code(), environment.toString());
        assertEquals("us-east-1 us-east-1 unset hidden", environment.out().strip());

        Dist.Result piped = rolehop("hello from stdin\n", "exec", "c1", "--", "cat");
        assertEquals("hello from stdin", piped.out().strip());
    }

    @Test
    void execRefusesToNestUnlessForced() throws Exception {
        String launcher = Dist.launcher().toString();
        Dist.Result nested = rolehop("", "exec", "c1", "--", launcher, "exec", "c2", "--", "true");
        assertEquals(2, nested.code(), nested.toString());
        assertTrue(nested.err().contains("already inside 'rolehop exec' for session 'c1'"), nested.err());
        Dist.Result forced = rolehop("", "exec", "c1", "--", launcher, "exec", "--force", "c2", "--", "true");
        assertEquals(0, forced.code(), forced.toString());
    }

    @Test
    void theDaemonRunsOncePerWorkspaceAndStopsCleanlyOnSigterm() throws Exception {
        ok(rolehop("", "session", "start", "c3"));
        Path log = dir.resolve("daemon.log");
        ProcessBuilder builder = new ProcessBuilder(Dist.launcher().toString(), "daemon")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process daemon = builder.start();
        try {
            waitFor(log, "daemon started");
            Dist.Result second = rolehop("", "daemon");
            assertEquals(1, second.code(), second.toString());
            assertTrue(second.err().contains("already runs"), second.err());
        } finally {
            daemon.destroy();
        }
        assertTrue(daemon.waitFor(30, TimeUnit.SECONDS), "the daemon must stop on SIGTERM");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(output.contains("daemon stopped"), output);
    }

    @Test
    void execPassesSignalsOnAndExitsWithTheCommandsOwnCode() throws Exception {
        Path out = dir.resolve("exec.out");
        ProcessBuilder builder = new ProcessBuilder(
                        Dist.launcher().toString(),
                        "exec",
                        "c1",
                        "sh",
                        "-c",
                        "trap 'echo got-usr1' USR1; trap 'echo got-hup' HUP; trap 'echo got-term; exit 42' TERM;"
                                + " echo ready; while :; do sleep 0.1; done")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process exec = builder.start();
        try {
            waitFor(out, "ready");
            signal(exec, "USR1");
            waitFor(out, "got-usr1");
            signal(exec, "HUP");
            waitFor(out, "got-hup");
            assertTrue(exec.isAlive(), "rolehop waits for the command, which is still running");
            exec.destroy(); // SIGTERM to rolehop
            assertTrue(exec.waitFor(30, TimeUnit.SECONDS), "the command stops as it chooses, and rolehop with it");
        } finally {
            exec.destroyForcibly();
        }
        assertEquals(42, exec.exitValue(), read(out));
        assertTrue(read(out).contains("got-term"), read(out));
        assertEquals(1, read(out).lines().filter("got-term"::equals).count(), "SIGTERM arrives once");
    }

    @Test
    void execTakesEveryWordAfterTheSessionAsTheCommandsOwn() throws Exception {
        Dist.Result listed = rolehop("", "exec", "c1", "ls", "-d", dir.toString());
        assertEquals(0, listed.code(), listed.toString());
        assertEquals(dir.toString(), listed.out().strip());

        Dist.Result help = rolehop("", "exec", "c1", "sh", "-c", "echo \"$1\"", "sh", "--help");
        assertEquals(0, help.code(), help.toString());
        assertEquals("--help", help.out().strip(), "--help after the session is the command's");
    }

    private static void signal(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid()))
                .inheritIO()
                .start();
        assertEquals(0, kill.waitFor());
    }

    /**
     * Idle, the daemon sleeps until the earliest refresh: its own lock and workspace writes must not wake it (they
     * once made it spin). Measured in CPU time, which a busy neighbour does not inflate.
     */
    @Test
    void anIdleDaemonSleepsAndCreatesItsHomePrivate() throws Exception {
        ok(rolehop("", "session", "start", "c2"));
        Path fresh = dir.resolve("fresh-home");
        Map<String, String> freshEnv = new HashMap<>(env);
        freshEnv.put("ROLEHOP_HOME", fresh.toString());
        Path log = dir.resolve("idle-daemon.log");
        Path freshLog = dir.resolve("fresh-daemon.log");
        Process daemon = start(env, log);
        Process other = start(freshEnv, freshLog);
        try {
            waitFor(log, "daemon started");
            waitFor(freshLog, "daemon started");
            assertEquals(
                    "rwx------",
                    java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
            Thread.sleep(2_000);
            java.time.Duration before =
                    daemon.toHandle().info().totalCpuDuration().orElseThrow();
            Thread.sleep(3_000);
            java.time.Duration after =
                    daemon.toHandle().info().totalCpuDuration().orElseThrow();
            java.time.Duration used = after.minus(before);
            System.out.println("idle daemon: " + used.toMillis() + " ms of CPU in 3 s");
            assertTrue(
                    used.compareTo(java.time.Duration.ofMillis(500)) < 0,
                    "an idle daemon used " + used + " of CPU in 3 s");
            assertTrue(daemon.isAlive(), () -> "the daemon stopped: " + read(log));
        } finally {
            daemon.destroy();
            other.destroy();
        }
        assertTrue(daemon.waitFor(30, TimeUnit.SECONDS) && other.waitFor(30, TimeUnit.SECONDS));
    }

    private Process start(Map<String, String> environment, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Dist.launcher().toString(), "daemon")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static void waitFor(Path log, String text) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("'" + text + "' never appeared in " + Files.readString(log));
    }

    private static void ok(Dist.Result r) {
        assertEquals(0, r.code(), r.toString());
    }
}
