package io.rolehop.cli.terminal;

import io.rolehop.adapters.filesystem.ChildEnvironment;
import io.rolehop.application.OperationFailedException;
import io.rolehop.application.port.out.MfaCodeProvider;
import io.rolehop.cli.env.CliEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * MFA codes, when the command gave none ({@code --mfa-code} travels in the command's record), from the first source
 * that has one: the session's {@code mfa-command} or
 * {@code ROLEHOP_MFA_COMMAND}, run with {@code sh -c} in rolehop's environment less its secrets
 * ({@link ChildEnvironment}), whose standard output is the code; a prompt on the controlling terminal.
 */
public final class ChainedMfaCodeProvider implements MfaCodeProvider {
    private static final long COMMAND_TIMEOUT_SECONDS = 60;

    private final CliEnvironment env;
    private final BooleanSupplier promptsAllowed;

    public ChainedMfaCodeProvider(CliEnvironment env) {
        this(env, () -> true);
    }

    /** With {@code promptsAllowed} false the terminal is never asked (the daemon's case). */
    public ChainedMfaCodeProvider(CliEnvironment env, BooleanSupplier promptsAllowed) {
        this.env = env;
        this.promptsAllowed = promptsAllowed;
    }

    @Override
    public synchronized Optional<String> code(String sessionAlias, String deviceSerial, Optional<String> mfaCommand) {
        Optional<String> command = mfaCommand.or(() -> env.get("ROLEHOP_MFA_COMMAND"));
        if (command.isPresent()) {
            return Optional.of(run(command.get(), env.env(), sessionAlias, deviceSerial));
        }
        if (!promptsAllowed.getAsBoolean()) {
            return Optional.empty();
        }
        return env.terminal()
                .flatMap(t -> t.prompt("MFA code for " + deviceSerial + " (session '" + sessionAlias + "'): ", false))
                .map(String::strip);
    }

    private static String run(
            String command, Map<String, String> environment, String sessionAlias, String deviceSerial) {
        ProcessBuilder builder = new ProcessBuilder(List.of("sh", "-c", command));
        builder.environment().clear();
        builder.environment().putAll(ChildEnvironment.of(environment));
        builder.environment().put("ROLEHOP_MFA_DEVICE", deviceSerial);
        builder.environment().put("ROLEHOP_SESSION", sessionAlias);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.redirectInput(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = builder.start();
            byte[] out;
            try (InputStream stdout = process.getInputStream()) {
                out = stdout.readNBytes(4096);
            }
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new OperationFailedException("the MFA command did not finish within " + COMMAND_TIMEOUT_SECONDS
                        + " s; check ROLEHOP_MFA_COMMAND or the session's mfa-command");
            }
            if (process.exitValue() != 0) {
                throw new OperationFailedException("the MFA command exited with status " + process.exitValue()
                        + "; check ROLEHOP_MFA_COMMAND or the session's mfa-command");
            }
            return new String(out, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new OperationFailedException("cannot run the MFA command: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("interrupted while waiting for the MFA command");
        }
    }
}
