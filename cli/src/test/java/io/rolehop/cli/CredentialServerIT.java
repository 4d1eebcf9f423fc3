package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.testing.AwsCli;
import io.rolehop.testing.MotoServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credential servers through the assembled {@code bin/rolehop} on the module path (so {@code jdk.httpserver} is
 * resolved as it is for users): {@code serve} read by the AWS CLI from the lines it prints, stopped by SIGTERM with
 * its token file gone; {@code exec --server} giving the AWS CLI its credentials.
 */
class CredentialServerIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    static MotoServer.IamUser erin;

    @TempDir
    Path dir;

    Map<String, String> env;

    @BeforeAll
    static void createRole() {
        erin = MOTO.createUser("erin");
        MOTO.createRole("erin-role", erin.arn());
    }

    @BeforeEach
    void setUp() throws Exception {
        env = new HashMap<>(Dist.isolatedEnv(dir));
        env.putAll(MOTO.env());
        Dist.addUserAndRole(dir, Dist.launcher(), env, erin, "erin-role", "erin-hop");
    }

    @Test
    void execServerGivesTheAwsCliItsCredentialsFromTheServer() throws Exception {
        Dist.Result r = Dist.rolehop(
                dir,
                env,
                "",
                "exec",
                "--server",
                "role",
                "--",
                "sh",
                "-c",
                "test -z \"$AWS_ACCESS_KEY_ID\" && aws sts get-caller-identity --query Arn --output text");
        assertEquals(0, r.code(), r.toString());
        assertEquals(MotoServer.assumedRoleArn("erin-role", "erin-hop"), r.out().strip());
    }

    @Test
    void servePrintsWhatToExportServesTheAwsCliAndRemovesItsTokenOnSigterm() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Dist.launcher().toString(), "serve")
                .directory(dir.toFile())
                .redirectError(dir.resolve("serve.err").toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process serve = builder.start();
        Path tokenFile = dir.resolve("rolehop/server.token");
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
            String tokenLine = out.readLine();
            assertTrue(
                    tokenLine != null
                            && tokenLine.equals(
                                    "export AWS_CONTAINER_AUTHORIZATION_TOKEN=\"$(cat '" + tokenFile + "')\""),
                    String.valueOf(tokenLine));
            String userLine = out.readLine();
            String roleLine = out.readLine();
            assertTrue(userLine.contains("/sessions/erin'"), userLine);
            String uri = roleLine.substring(roleLine.indexOf('\'') + 1, roleLine.lastIndexOf('\''));
            assertTrue(uri.matches("http://127\\.0\\.0\\.1:[0-9]+/sessions/role"), uri);
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(tokenFile));

            AwsCli.Result identity = new AwsCli(MOTO.env())
                    .with("AWS_CONTAINER_CREDENTIALS_FULL_URI", uri)
                    .with(
                            "AWS_CONTAINER_AUTHORIZATION_TOKEN",
                            Files.readString(tokenFile).strip())
                    .with("HOME", dir.resolve("home"))
                    .run("sts", "get-caller-identity", "--query", "Arn", "--output", "text")
                    .requireSuccess();
            assertEquals(
                    MotoServer.assumedRoleArn("erin-role", "erin-hop"),
                    identity.stdout().strip());
        } finally {
            serve.destroy(); // SIGTERM
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "serve stops on SIGTERM");
        }
        assertFalse(Files.exists(tokenFile), "the token of a stopped server is removed");
        String err = Files.readString(dir.resolve("serve.err"));
        assertTrue(err.startsWith("rolehop: serving 2 session(s)"), err);
        assertFalse(err.contains(erin.secretAccessKey()), err);
    }
}
