package io.rolehop.cli.env;

import io.rolehop.adapters.filesystem.ChildEnvironment;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything rolehop takes from its process: environment variables, standard streams, the clock, and where the
 * distribution and its launcher are. Tests build one by hand to run the real command line in-process.
 *
 * @param env the environment variables
 * @param in standard input
 * @param out standard output (data only: JSON, tables)
 * @param err standard error (messages)
 * @param clock the clock
 * @param distribution the distribution's directory, if running from one (its {@code plugins/} is searched)
 * @param launcher the absolute path of {@code bin/rolehop}, if known (written into credential_process lines)
 * @param terminal the controlling terminal for prompts, if any
 */
public record CliEnvironment(
        Map<String, String> env,
        InputStream in,
        PrintStream out,
        PrintStream err,
        Clock clock,
        Optional<Path> distribution,
        Optional<Path> launcher,
        Optional<Terminal> terminal) {

    public CliEnvironment {
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(launcher, "launcher");
        Objects.requireNonNull(terminal, "terminal");
    }

    /** The environment of this process. */
    public static CliEnvironment fromSystem() {
        Optional<Path> dist =
                Optional.ofNullable(System.getProperty("rolehop.dist")).map(Path::of);
        Optional<Path> launcher =
                Optional.ofNullable(System.getProperty("rolehop.launcher")).map(Path::of);
        return new CliEnvironment(
                System.getenv(),
                System.in,
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8),
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8),
                Clock.systemUTC(),
                dist,
                launcher,
                Terminal.controlling());
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isEmpty());
    }

    /** The user's home directory: {@code HOME}, else the JVM's idea of it. */
    public Path home() {
        return Path.of(get("HOME").orElse(System.getProperty("user.home")));
    }

    /** rolehop's own directory: {@code ROLEHOP_HOME}, else {@code ~/.rolehop}. */
    public Path rolehopHome() {
        return get("ROLEHOP_HOME").map(this::expand).orElse(home().resolve(".rolehop"));
    }

    /** The shared credentials file, as the AWS CLI finds it. */
    public Path credentialsFile() {
        return get("AWS_SHARED_CREDENTIALS_FILE")
                .map(this::expand)
                .orElse(home().resolve(".aws").resolve("credentials"));
    }

    /** The shared config file, as the AWS CLI finds it. */
    public Path configFile() {
        return get("AWS_CONFIG_FILE")
                .map(this::expand)
                .orElse(home().resolve(".aws").resolve("config"));
    }

    private Path expand(String path) {
        if (path.equals("~")) {
            return home();
        }
        if (path.startsWith("~/")) {
            return home().resolve(path.substring(2));
        }
        return Path.of(path).toAbsolutePath();
    }

    /** The environment a child process gets: rolehop's own, less the secrets rolehop holds. */
    public Map<String, String> childEnvironment() {
        return ChildEnvironment.of(env);
    }

    /** Removes from a child's {@code environment} the secrets rolehop holds. */
    public static void stripSecrets(Map<String, String> environment) {
        ChildEnvironment.strip(environment);
    }
}
