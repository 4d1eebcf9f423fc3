package io.rolehop.cli.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.OperationFailedException;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.env.Terminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Where an MFA code comes from, in order: {@code --mfa-code}; the session's {@code mfa-command}, else
 * {@code ROLEHOP_MFA_COMMAND}; a prompt on the terminal (never on stdout or stderr); else nothing, which the resolver
 * turns into exit 3.
 */
class ChainedMfaCodeProviderTest {
    private static final String DEVICE = "arn:aws:iam::123456789012:mfa/dana";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final FakeTerminal terminal = new FakeTerminal();

    /** Answers prompts from a list and records the questions. */
    private static final class FakeTerminal extends Terminal {
        final List<String> questions = new ArrayList<>();
        final List<String> answers = new ArrayList<>();

        @Override
        public Optional<String> prompt(String question, boolean secret) {
            questions.add(question + (secret ? " [no echo]" : ""));
            return answers.isEmpty() ? Optional.empty() : Optional.of(answers.remove(0));
        }
    }

    private ChainedMfaCodeProvider provider(Map<String, String> env, Optional<Terminal> tty) {
        Map<String, String> all = new HashMap<>(env);
        all.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        CliEnvironment environment = new CliEnvironment(
                all,
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC(),
                Optional.empty(),
                Optional.empty(),
                tty);
        return new ChainedMfaCodeProvider(environment);
    }

    @Test
    void theSessionsCommandWinsOverTheEnvironmentsAndGetsTheDeviceAndSession() {
        ChainedMfaCodeProvider mfa = provider(Map.of("ROLEHOP_MFA_COMMAND", "echo 333333"), Optional.of(terminal));

        assertEquals(
                Optional.of("555555"),
                mfa.code(
                        "dana",
                        DEVICE,
                        Optional.of("test \"$ROLEHOP_MFA_DEVICE\" = '" + DEVICE
                                + "' && test \"$ROLEHOP_SESSION\" = dana && echo 555555")));
        assertEquals(Optional.of("333333"), mfa.code("dana", DEVICE, Optional.empty()));
        assertEquals(List.of(), terminal.questions);
    }

    @Test
    void theCommandRunsInRolehopsEnvironmentWithoutItsSecrets() throws Exception {
        java.nio.file.Path dump = java.nio.file.Files.createTempFile("mfa-command-env", ".txt");
        try {
            ChainedMfaCodeProvider mfa = provider(
                    Map.of(
                            "KEPT",
                            "yes",
                            "ROLEHOP_VAULT_PASSPHRASE",
                            "vault-passphrase-value",
                            "AWS_ACCESS_KEY_ID",
                            "AKIAPARENTKEY",
                            "AWS_SECRET_ACCESS_KEY",
                            "parent-secret-value",
                            "AWS_SESSION_TOKEN",
                            "parent-token-value"),
                    Optional.empty());

            assertEquals(
                    Optional.of("777777"), mfa.code("dana", DEVICE, Optional.of("env > '" + dump + "'; echo 777777")));

            String seen = java.nio.file.Files.readString(dump);
            assertTrue(seen.contains("KEPT=yes"), seen);
            for (String secret : io.rolehop.adapters.filesystem.ChildEnvironment.SECRETS) {
                assertFalse(seen.contains(secret + "="), secret + " reached the MFA command");
            }
        } finally {
            java.nio.file.Files.delete(dump);
        }
    }

    @Test
    void withoutFlagOrCommandTheTerminalIsAskedAndNothingGoesToStdoutOrStderr() {
        terminal.answers.add(" 666666\n");
        ChainedMfaCodeProvider mfa = provider(Map.of(), Optional.of(terminal));

        assertEquals(Optional.of("666666"), mfa.code("dana", DEVICE, Optional.empty()));
        assertEquals(List.of("MFA code for " + DEVICE + " (session 'dana'): "), terminal.questions);
        assertEquals(0, out.size());
        assertEquals(0, err.size());
    }

    @Test
    void withNoSourceAtAllThereIsNoCode() {
        assertEquals(Optional.empty(), provider(Map.of(), Optional.empty()).code("dana", DEVICE, Optional.empty()));
    }

    @Test
    void aFailingCommandIsAnOperationFailureNamingWhereItIsConfigured() {
        OperationFailedException e = assertThrows(
                OperationFailedException.class,
                () -> provider(Map.of(), Optional.of(terminal)).code("dana", DEVICE, Optional.of("exit 4")));
        assertTrue(e.getMessage().contains("exited with status 4"), e.getMessage());
    }
}
