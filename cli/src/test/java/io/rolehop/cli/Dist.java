package io.rolehop.cli;

import io.rolehop.testing.MotoServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the assembled distribution's {@code bin/rolehop} as a user would. */
public final class Dist {
    private Dist() {}

    /** The distribution directory the build assembled ({@code cli/target/rolehop}). */
    public static Path home() {
        String dist = System.getProperty("rolehop.dist");
        Path path = dist != null ? Path.of(dist) : Path.of("target", "rolehop");
        if (!path.resolve("bin/rolehop").toFile().exists()) {
            throw new IllegalStateException(
                    "no distribution at " + path.toAbsolutePath() + "; build it with ./mvnw -DskipTests package");
        }
        return path.toAbsolutePath();
    }

    public static Path launcher() {
        return home().resolve("bin/rolehop");
    }

    /** A copy of the distribution at {@code target}, as an install makes: same files, modes kept, another path. */
    public static Path copyTo(Path target) throws IOException {
        Path source = home();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                java.nio.file.Files.copy(
                        file,
                        target.resolve(source.relativize(file).toString()),
                        java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return target;
    }

    /**
     * Through {@code launcher}: {@code session add} of the IAM user (its secret on stdin, alias its name) and of a
     * role it assumes, alias and profile {@code role}; both must succeed.
     */
    public static void addUserAndRole(
            Path dir,
            Path launcher,
            Map<String, String> env,
            MotoServer.IamUser user,
            String roleName,
            String roleSessionName)
            throws IOException {
        Result added = run(
                dir,
                List.of(
                        launcher.toString(),
                        "session",
                        "add",
                        "aws-iam-user",
                        "--alias",
                        user.name(),
                        "--access-key-id",
                        user.accessKeyId(),
                        "--secret-access-key-stdin"),
                env,
                user.secretAccessKey() + "\n");
        if (added.code() == 0) {
            added = run(
                    dir,
                    List.of(
                            launcher.toString(),
                            "session",
                            "add",
                            "aws-iam-role-chained",
                            "--alias",
                            "role",
                            "--assumer",
                            user.name(),
                            "--role-arn",
                            MotoServer.roleArn(roleName),
                            "--role-session-name",
                            roleSessionName,
                            "--profile",
                            "role"),
                    env);
        }
        if (added.code() != 0) {
            throw new AssertionError("session add failed: " + added);
        }
    }

    /** An environment with its own HOME, ROLEHOP_HOME and AWS files under {@code dir}. */
    public static Map<String, String> isolatedEnv(Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", dir.resolve("home").toString());
        env.put("ROLEHOP_HOME", dir.resolve("rolehop").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("aws/credentials").toString());
        env.put("AWS_CONFIG_FILE", dir.resolve("aws/config").toString());
        env.put("ROLEHOP_VAULT_PASSPHRASE", "distribution test passphrase");
        String javaHome = System.getProperty("java.home");
        env.put("JAVA_HOME", javaHome);
        return env;
    }

    public record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs {@code bin/rolehop ARGS...} in {@code workingDirectory} with exactly {@code env} and {@code stdin}. */
    public static Result rolehop(Path workingDirectory, Map<String, String> env, String stdin, String... args)
            throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(launcher().toString());
        command.addAll(List.of(args));
        return run(workingDirectory, command, env, stdin);
    }

    public static Result run(Path workingDirectory, List<String> command, Map<String, String> env) throws IOException {
        return run(workingDirectory, command, env, "");
    }

    public static Result run(Path workingDirectory, List<String> command, Map<String, String> env, String stdin)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        CompletableFuture<String> out = read(process.getInputStream());
        CompletableFuture<String> err = read(process.getErrorStream());
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            Result result = new Result(process.exitValue(), out.get(), err.get());
            io.rolehop.testing.SecretLedger.transcript(String.join(" ", command), result.out() + "\n" + result.err());
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
