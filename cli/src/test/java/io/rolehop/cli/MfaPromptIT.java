package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolehop.adapters.filesystem.ProcessCommandRunner;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.testing.MotoServer;
import io.rolehop.testing.StsProxy;
import io.rolehop.testing.StsProxy.Fault;
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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MFA prompt of the assembled {@code bin/rolehop} goes to the controlling terminal, so it works while stdout and
 * stderr are captured, as they are under {@code credential_process}. {@code script} gives the command a pseudo
 * terminal; the test answers the prompt there, and stdout and stderr go to files. GetSessionToken is answered at the
 * proxy with credentials moto accepts, as in {@link MfaChainEndToEndTest}.
 */
class MfaPromptIT {
    @RegisterExtension
    @Order(1)
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    @Order(2)
    static final StsProxy STS = new StsProxy(MOTO);

    private static final String DEVICE = "arn:aws:iam::" + MotoServer.ACCOUNT_ID + ":mfa/gina";
    static MotoServer.IamUser gina;

    @TempDir
    Path dir;

    @BeforeAll
    static void createChain() {
        gina = MOTO.createUser("gina");
        MOTO.createRole("prompt-mfa-session", gina.arn());
        MOTO.createRole("prompt-role", MotoServer.assumedRoleArn("prompt-mfa-session", "gina-mfa"));
    }

    @Test
    void theCodeIsAskedOnTheTerminalWhileStdoutAndStderrAreCaptured() throws Exception {
        Path script = new ProcessCommandRunner(System.getenv())
                .find("script")
                .orElseThrow(() -> new AssertionError("'script' is missing: apt-get install bsdutils"));
        Map<String, String> env = new HashMap<>(Dist.isolatedEnv(dir));
        env.putAll(STS.env());
        ok(Dist.run(
                dir,
                List.of(
                        Dist.launcher().toString(),
                        "session",
                        "add",
                        "aws-iam-user",
                        "--alias",
                        "gina",
                        "--access-key-id",
                        gina.accessKeyId(),
                        "--secret-access-key-stdin",
                        "--mfa-device",
                        DEVICE),
                env,
                gina.secretAccessKey()));
        ok(Dist.run(
                dir,
                List.of(
                        Dist.launcher().toString(),
                        "session",
                        "add",
                        "aws-iam-role-chained",
                        "--alias",
                        "prompted",
                        "--assumer",
                        "gina",
                        "--role-arn",
                        MotoServer.roleArn("prompt-role"),
                        "--role-session-name",
                        "prompt-hop"),
                env));
        TemporaryCredentials token =
                MOTO.assumeRole(gina.credentials(), MotoServer.roleArn("prompt-mfa-session"), "gina-mfa");
        STS.reset();
        STS.failNext(
                1,
                Fault.sessionToken(
                        token.accessKeyId(), token.secretAccessKey(), token.sessionToken(), token.expiration()));

        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(
                        script.toString(),
                        "-qec",
                        "'" + Dist.launcher() + "' session generate prompted >'" + out + "' 2>'" + err + "'",
                        "/dev/null")
                .directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        String terminal = answer(process, "MFA code for " + DEVICE + " (session 'gina'): ", "246813\n");
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "script did not finish: " + terminal);

        assertEquals(0, process.exitValue(), terminal);
        JsonNode json = new ObjectMapper().readTree(Files.readString(out));
        assertEquals(1, json.get("Version").asInt());
        assertEquals("", Files.readString(err), "nothing but the credentials on the captured streams");
        assertFalse(Files.readString(out).contains("MFA code"), "the prompt is not on stdout");
        assertEquals("246813", STS.parameters("GetSessionToken").get(0).get("TokenCode"));
        assertEquals(Map.of("GetSessionToken", 1, "AssumeRole", 1), STS.counts());
    }

    /** Reads the terminal until {@code prompt} shows, then types {@code input}; returns what the terminal showed. */
    private static String answer(Process process, String prompt, String input) throws Exception {
        InputStream terminal = process.getInputStream();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!seen.toString(StandardCharsets.UTF_8).contains(prompt)) {
            if (System.nanoTime() > deadline || !process.isAlive() && terminal.available() == 0) {
                throw new AssertionError("no prompt on the terminal: " + seen.toString(StandardCharsets.UTF_8));
            }
            int b = terminal.read();
            if (b < 0) {
                throw new AssertionError("the terminal closed before the prompt: " + seen);
            }
            seen.write(b);
        }
        try (OutputStream keyboard = process.getOutputStream()) {
            keyboard.write(input.getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            // Let the program read the line before script sees the end of its input.
            process.waitFor(60, TimeUnit.SECONDS);
        }
        seen.write(terminal.readAllBytes());
        return seen.toString(StandardCharsets.UTF_8);
    }

    private static void ok(Dist.Result r) {
        assertEquals(0, r.code(), r.toString());
    }
}
