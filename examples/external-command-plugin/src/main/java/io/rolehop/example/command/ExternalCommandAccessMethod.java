package io.rolehop.example.command;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.UsageException;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.CredentialsContext;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.application.spi.FieldValidator;
import io.rolehop.domain.AwsCredentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Roots a chain in any tool that prints {@code credential_process} JSON: a password manager's CLI, a corporate SSO
 * helper, a vault agent. The command runs with {@code sh -c}; its standard output is read (at most 64 KiB) and
 * parsed; its standard error passes through to the user's terminal so the tool can prompt.
 */
public final class ExternalCommandAccessMethod implements AccessMethod {
    static final String COMMAND = "command";
    static final String TIMEOUT = "timeout-seconds";
    private static final int DEFAULT_TIMEOUT_SECONDS = 60;
    private static final int MAX_OUTPUT = 64 * 1024;

    @Override
    public String id() {
        return "external-command";
    }

    @Override
    public String displayName() {
        return "External Command";
    }

    @Override
    public String description() {
        return "Credentials printed as credential_process JSON by a command of your choice (a password manager, an "
                + "SSO helper); can root a chain of IAM Role Chained sessions.";
    }

    @Override
    public List<FieldSpec> fields() {
        return List.of(
                FieldSpec.required(
                        COMMAND,
                        "Command line printing credential_process JSON (run with sh -c)",
                        value -> value.isBlank()
                                ? Optional.of("the command must not be empty")
                                : value.indexOf('\0') >= 0
                                        ? Optional.of("the command contains a NUL character")
                                        : Optional.empty()),
                FieldSpec.optional(
                                TIMEOUT,
                                "Seconds to wait for the command",
                                FieldValidator.parsing(ExternalCommandAccessMethod::timeout))
                        .withDefault(Integer.toString(DEFAULT_TIMEOUT_SECONDS)));
    }

    @Override
    public AwsCredentials credentials(CredentialsContext context) {
        String alias = context.session().alias().value();
        String command = context.field(COMMAND)
                .orElseThrow(() -> new UsageException("session '" + alias
                        + "' has no command; set one with 'rolehop session edit " + alias + " --command \"...\"'"));
        Duration timeout = context.field(TIMEOUT)
                .map(ExternalCommandAccessMethod::timeout)
                .orElse(Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS));
        String output = run(alias, command, timeout);
        try {
            return CredentialProcessOutput.parse(
                    output, context.clock().instant().plus(Duration.ofHours(1)));
        } catch (CredentialProcessOutput.InvalidOutputException e) {
            throw new OperationFailedException(
                    "the command of session '" + alias + "' did not print credential_process JSON: " + e.getMessage());
        }
    }

    private static String run(String alias, String command, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command)
                .redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new OperationFailedException("cannot run the command of session '" + alias + "': " + e.getMessage());
        }
        CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readCapped(process.getInputStream()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new OperationFailedException("the command of session '" + alias + "' did not finish within "
                        + timeout.toSeconds() + " s; raise --timeout-seconds or check the tool");
            }
            byte[] out = stdout.get(5, TimeUnit.SECONDS);
            if (process.exitValue() != 0) {
                throw new OperationFailedException("the command of session '" + alias + "' exited with status "
                        + process.exitValue() + "; run it by hand to see why");
            }
            if (out.length > MAX_OUTPUT) {
                throw new OperationFailedException("the command of session '" + alias + "' printed more than "
                        + MAX_OUTPUT / 1024 + " KiB; that is not credential_process JSON");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new OperationFailedException("interrupted while waiting for the command of session '" + alias + "'");
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new OperationFailedException("cannot read the output of the command of session '" + alias + "'");
        }
    }

    private static byte[] readCapped(InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (out.size() <= MAX_OUTPUT) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // The process closed its output: what was read is all there is.
        }
        return out.toByteArray();
    }

    static Duration timeout(String value) {
        String v = value.strip();
        if (!v.matches("[0-9]{1,4}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > 3600) {
            throw new IllegalArgumentException("give a whole number of seconds from 1 to 3600");
        }
        return Duration.ofSeconds(Integer.parseInt(v));
    }
}
