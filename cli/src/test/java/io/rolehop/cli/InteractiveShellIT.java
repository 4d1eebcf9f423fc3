package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rolehop.testing.MotoServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled {@code bin/rolehop}: {@code exec SESSION} without a command hands its own standard streams to the
 * user's shell, and {@code export} output evaluated by bash gives the role's identity.
 */
class InteractiveShellIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    static MotoServer.IamUser gina;

    @TempDir
    Path dir;

    Map<String, String> env;

    @BeforeAll
    static void createRole() {
        gina = MOTO.createUser("gina");
        MOTO.createRole("shell-role", gina.arn());
    }

    @BeforeEach
    void setUp() throws Exception {
        env = new HashMap<>(Dist.isolatedEnv(dir));
        env.putAll(MOTO.env());
        Dist.addUserAndRole(dir, Dist.launcher(), env, gina, "shell-role", "shell-hop");
    }

    @Test
    void execWithoutACommandGivesTheShellItsStreamsAndTheCredentials() throws Exception {
        env.put("SHELL", "/bin/sh");
        Dist.Result result = Dist.run(
                dir,
                List.of(Dist.launcher().toString(), "exec", "role"),
                env,
                "echo \"session=$ROLEHOP_SESSION\"\naws sts get-caller-identity --query Arn --output text\nexit 3\n");
        assertEquals(3, result.code(), result.toString());
        assertEquals("session=role\n" + MotoServer.assumedRoleArn("shell-role", "shell-hop") + "\n", result.out());
    }

    @Test
    void exportedCredentialsEvaluatedByBashAreTheRolesIdentity() throws Exception {
        Dist.Result exported =
                Dist.run(dir, List.of(Dist.launcher().toString(), "export", "role", "--format", "env"), env);
        assertEquals(0, exported.code(), exported.toString());
        Map<String, String> clean = new HashMap<>(MOTO.env());
        clean.remove("AWS_REGION");
        clean.remove("AWS_DEFAULT_REGION");
        clean.put("PATH", env.get("PATH"));
        clean.put("HOME", env.get("HOME"));
        Dist.Result who = Dist.run(
                dir,
                List.of(
                        "bash",
                        "-c",
                        "eval \"$1\"; aws sts get-caller-identity --query Arn" + " --output text",
                        "bash",
                        exported.out()),
                clean);
        assertEquals(0, who.code(), who.toString());
        assertEquals(MotoServer.assumedRoleArn("shell-role", "shell-hop") + "\n", who.out());
    }
}
