package io.rolehop.adapters.filesystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.OperationFailedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCommandRunnerTest {
    private final ProcessCommandRunner runner =
            new ProcessCommandRunner(Map.of("PATH", "/usr/bin:/bin", "ONLY_THIS", "yes"));

    @Test
    void feedsStdinAndReadsLargeOutputsWithoutDeadlock() {
        String big = "0123456789abcdef".repeat(200_000);
        CommandRunner.Result r = runner.run(
                List.of("sh", "-c", "cat; cat >&2 </dev/null; printf done >&2"), big, Duration.ofSeconds(30));
        assertEquals(0, r.exitCode());
        assertEquals(big, r.stdout());
        assertEquals("done", r.stderr());
        assertFalse(r.toString().contains("0123456789"), "toString leaves stdout out");
    }

    @Test
    void theProgramGetsExactlyTheGivenEnvironment() {
        CommandRunner.Result r = runner.run(List.of("sh", "-c", "env | sort"), "", Duration.ofSeconds(10));
        assertTrue(r.stdout().contains("ONLY_THIS=yes"), r.stdout());
        assertFalse(r.stdout().contains("JAVA_HOME="), r.stdout());
    }

    @Test
    void theProgramNeverSeesRolehopsSecretsNorTheCallersCredentials() {
        // As the Secret Service and keychain stores build it: from rolehop's own environment.
        ProcessCommandRunner fromParent = new ProcessCommandRunner(Map.of(
                "PATH",
                "/usr/bin:/bin",
                "KEPT",
                "yes",
                "ROLEHOP_VAULT_PASSPHRASE",
                "vault-passphrase-value",
                "AWS_ACCESS_KEY_ID",
                "AKIAPARENTKEY",
                "AWS_SECRET_ACCESS_KEY",
                "parent-secret-value",
                "AWS_SESSION_TOKEN",
                "parent-token-value",
                "AWS_SECURITY_TOKEN",
                "parent-token-value",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN",
                "server-token-value"));

        CommandRunner.Result r = fromParent.run(List.of("sh", "-c", "env"), "", Duration.ofSeconds(10));

        assertEquals(0, r.exitCode());
        assertTrue(r.stdout().contains("KEPT=yes"), r.stdout());
        for (String secret : ChildEnvironment.SECRETS) {
            assertFalse(r.stdout().contains(secret + "="), secret + " reached the child");
        }
        assertFalse(r.stdout().contains("-value"), "no secret value reached the child");
    }

    @Test
    void aProgramThatHangsIsStoppedAfterTheTimeout() {
        long start = System.nanoTime();
        OperationFailedException e = assertThrows(
                OperationFailedException.class, () -> runner.run(List.of("sleep", "30"), "", Duration.ofMillis(300)));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
        assertTrue(e.getMessage().startsWith("sleep did not finish within 0 s"), e.getMessage());
    }

    @Test
    void aMissingProgramIsNamed() {
        OperationFailedException e = assertThrows(
                OperationFailedException.class,
                () -> runner.run(List.of("no-such-rolehop-helper"), "", Duration.ofSeconds(5)));
        assertEquals("cannot run no-such-rolehop-helper: it is not installed (or not on PATH)", e.getMessage());
    }
}
