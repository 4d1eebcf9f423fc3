package io.rolehop.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real AWS CLI ({@code aws} on {@code PATH}), the independent reader of the files rolehop writes.
 *
 * <p>The child sees the test's environment without any inherited {@code AWS_*} variable (except
 * {@code AWS_CA_BUNDLE}), plus exactly the variables given here, so a developer's own profile or keys can never
 * leak into a test. Pass {@code AWS_CONFIG_FILE} and {@code AWS_SHARED_CREDENTIALS_FILE} to keep it away from
 * {@code ~/.aws}. Fails (never skips) when {@code aws} is missing.
 *
 * <pre>{@code
 * AwsCli aws = new AwsCli(moto.env()).with("AWS_CONFIG_FILE", config).with("AWS_SHARED_CREDENTIALS_FILE", creds);
 * assertEquals(expectedArn, aws.callerArn("dev"));
 * }</pre>
 */
public final class AwsCli {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, String> env;
    private final Duration timeout;

    /** What one run gave. */
    public record Result(int exitCode, String stdout, String stderr) {

        public boolean succeeded() {
            return exitCode == 0;
        }

        /** This result when it succeeded, else an {@link AssertionError} quoting stderr. */
        public Result requireSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("aws exited with " + exitCode + ": " + stderr.strip());
            }
            return this;
        }
    }

    /** An AWS CLI seeing exactly {@code env} on top of the non-AWS environment of the test. */
    public AwsCli(Map<String, String> env) {
        this(env, DEFAULT_TIMEOUT);
    }

    private AwsCli(Map<String, String> env, Duration timeout) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** A copy with {@code name} set to {@code value}. */
    public AwsCli with(String name, Object value) {
        Map<String, String> copy = new LinkedHashMap<>(env);
        copy.put(name, String.valueOf(value));
        return new AwsCli(copy, timeout);
    }

    /** A copy that kills a run after {@code value}. */
    public AwsCli withTimeout(Duration value) {
        return new AwsCli(env, value);
    }

    /** The variables this CLI adds to the environment. */
    public Map<String, String> env() {
        return env;
    }

    /** Runs {@code aws ARGS...}. */
    public Result run(String... args) {
        return run(Arrays.asList(args));
    }

    /** Runs {@code aws ARGS...}. */
    public Result run(List<String> args) {
        Path executable = Executables.require("aws", "install the AWS CLI with 'pip install awscli'");
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("aws-cli-", ".out");
            err = Files.createTempFile("aws-cli-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            Map<String, String> childEnv = builder.environment();
            childEnv.keySet().removeIf(k -> k.startsWith("AWS_") && !k.equals("AWS_CA_BUNDLE"));
            childEnv.putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new AssertionError("aws " + String.join(" ", args) + " did not finish within "
                        + timeout.toSeconds() + " s; stderr: " + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run aws", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running aws", e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /**
     * The ARN that {@code aws sts get-caller-identity --profile PROFILE} reports.
     *
     * @throws AssertionError when the command fails, quoting its stderr
     */
    public String callerArn(String profile) {
        return run("sts", "get-caller-identity", "--profile", profile, "--query", "Arn", "--output", "text")
                .requireSuccess()
                .stdout()
                .strip();
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A leftover temp file is harmless.
            }
        }
    }

    @Override
    public String toString() {
        return "AwsCli" + env.keySet();
    }
}
