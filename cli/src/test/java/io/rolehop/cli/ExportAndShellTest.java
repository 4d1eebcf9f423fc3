package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolehop.testing.Botocore;
import io.rolehop.testing.MotoServer;
import io.rolehop.testing.StsProxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rolehop export} and the interactive {@code rolehop exec}, through the real command line against moto: the
 * exported credentials, evaluated by a real shell, are the role's identity for the AWS CLI.
 */
class ExportAndShellTest {
    @RegisterExtension
    @Order(1)
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    @Order(2)
    static final StsProxy STS = new StsProxy(MOTO);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALIAS = "prod admin/eu";
    static MotoServer.IamUser erin;

    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeAll
    static void createRole() {
        erin = MOTO.createUser("erin");
        MOTO.createRole("exported", erin.arn());
    }

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir).env(STS.env());
        ok(cli.runWithStdin(
                erin.secretAccessKey() + "\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "erin",
                "--access-key-id",
                erin.accessKeyId(),
                "--secret-access-key-stdin"));
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                ALIAS,
                "--assumer",
                "erin",
                "--role-arn",
                MotoServer.roleArn("exported"),
                "--role-session-name",
                "exported-hop",
                "--region",
                "eu-west-3",
                "--profile",
                "exported"));
    }

    @Test
    void everyShellFormatEvaluatedByItsShellGivesTheRolesIdentityAndTheCacheServesRepeats() throws Exception {
        String arn = MotoServer.assumedRoleArn("exported", "exported-hop");
        String check = "aws sts get-caller-identity --query Arn --output text; echo \"$AWS_REGION|$ROLEHOP_SESSION\"";
        for (var shell :
                List.of(List.of("sh", "env"), List.of("bash", "env"), List.of("zsh", "env"), List.of("fish", "fish"))) {
            CliHarness.Result exported = ok(cli.run("export", ALIAS, "--format", shell.get(1)));
            String out = shell(shell.get(0), exported.out() + check + "\n");
            assertEquals(arn + "\neu-west-3|" + ALIAS + "\n", out, shell.toString());
        }
        int callsBefore = STS.total();
        CliHarness.Result again = ok(cli.run("export", ALIAS, "--format", "env-no-export"));
        assertEquals(callsBefore, STS.total(), "the cached credentials serve a second export");
        assertEquals(
                arn + "\neu-west-3|" + ALIAS + "\n",
                shell(
                        "sh",
                        again.out() + "export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN"
                                + " AWS_REGION AWS_DEFAULT_REGION ROLEHOP_SESSION\n" + check + "\n"));
        assertTrue(again.out().startsWith("AWS_ACCESS_KEY_ID=ASIA"), again.out());
        assertTrue(again.out().contains("\nROLEHOP_SESSION='" + ALIAS + "'\n"), again.out());
    }

    @Test
    void jsonIsTheCredentialProcessDocumentAndIniASectionTheAwsCliReads() throws Exception {
        JsonNode json =
                JSON.readTree(ok(cli.run("export", ALIAS, "--format", "json")).out());
        assertEquals(1, json.get("Version").asInt());
        assertTrue(json.get("Expiration").asText().endsWith("Z"));

        String ini = ok(cli.run("export", ALIAS, "--format", "ini")).out();
        Path credentials = dir.resolve("exported-credentials");
        Files.writeString(credentials, ini);
        Map<String, Object> section = Botocore.rawConfigParse(credentials).get("exported");
        assertEquals(json.get("AccessKeyId").asText(), section.get("aws_access_key_id"));
        assertEquals(json.get("SessionToken").asText(), section.get("aws_session_token"));
        String out = shell(
                "sh",
                "AWS_DEFAULT_REGION=us-east-1 AWS_SHARED_CREDENTIALS_FILE=" + credentials
                        + " aws sts get-caller-identity" + " --profile exported --query Arn --output text\n");
        assertEquals(MotoServer.assumedRoleArn("exported", "exported-hop") + "\n", out);
    }

    @Test
    void badFormatsAndSessionsAreUsageErrorsWithNothingOnStdout() {
        CliHarness.Result unknown = cli.run("export", ALIAS, "--format", "csh");
        assertEquals(2, unknown.code(), unknown.toString());
        assertEquals("", unknown.out());
        assertTrue(unknown.err().contains("unknown export format 'csh'"), unknown.err());
        CliHarness.Result missing = cli.run("export", "nobody", "--format", "env");
        assertEquals(2, missing.code(), missing.toString());
        assertEquals("", missing.out());
    }

    @Test
    void execWithoutACommandRunsTheUsersShellWithTheCredentialsAndSessionName() throws Exception {
        Path script = dir.resolve("my-shell");
        Files.writeString(
                script,
                "#!/bin/sh\necho \"my shell: $ROLEHOP_SESSION in $AWS_REGION\"\n"
                        + "aws sts get-caller-identity --query Arn --output text\nexit 5\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        cli.env("SHELL", script.toString());
        CliHarness.Result result = cli.run("exec", ALIAS);
        assertEquals(5, result.code(), result.toString());
        assertEquals(
                "my shell: " + ALIAS + " in eu-west-3\n" + MotoServer.assumedRoleArn("exported", "exported-hop") + "\n",
                result.out());
    }

    @Test
    void execWithoutACommandOrShellRunsBinShReadingCommands() {
        cli.withoutEnv("SHELL");
        CliHarness.Result result = cli.runWithStdin(
                "echo \"[$ROLEHOP_SESSION]\"; test -n \"$AWS_SESSION_TOKEN\"\n" + "exit 4\n", "exec", ALIAS);
        assertEquals(4, result.code(), result.toString());
        assertEquals("[" + ALIAS + "]\n", result.out());
    }

    private String shell(String shell, String script) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(shell).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = new HashMap<>(MOTO.env());
        env.remove("AWS_REGION");
        env.remove("AWS_DEFAULT_REGION");
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", dir.toString());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    private static CliHarness.Result ok(CliHarness.Result result) {
        assertEquals(0, result.code(), result.toString());
        return result;
    }
}
