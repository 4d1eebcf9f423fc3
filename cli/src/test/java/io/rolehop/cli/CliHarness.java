package io.rolehop.cli;

import com.google.inject.Module;
import io.rolehop.cli.env.CliEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the real rolehop command line in-process against a private home: its own {@code ROLEHOP_HOME}, AWS files
 * and environment, no terminal. Every output of every run is kept so tests can scan it for secrets.
 */
public final class CliHarness {
    private final Path root;
    private final Map<String, String> env = new HashMap<>();
    private final List<Module> overrides = new ArrayList<>();
    private final List<String> transcript = new ArrayList<>();
    private Clock clock = Clock.systemUTC();

    public CliHarness(Path root) {
        this.root = root;
        env.put("HOME", root.resolve("home").toString());
        env.put("ROLEHOP_HOME", root.resolve("rolehop").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", credentialsFile().toString());
        env.put("AWS_CONFIG_FILE", configFile().toString());
        env.put("ROLEHOP_VAULT_PASSPHRASE", "correct horse battery staple");
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    public CliHarness env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public CliHarness env(Map<String, String> values) {
        env.putAll(values);
        return this;
    }

    public CliHarness withoutEnv(String name) {
        env.remove(name);
        return this;
    }

    public CliHarness clock(Clock value) {
        this.clock = value;
        return this;
    }

    public CliHarness override(Module module) {
        overrides.add(module);
        return this;
    }

    public Map<String, String> environment() {
        return Map.copyOf(env);
    }

    public Path rolehopHome() {
        return Path.of(env.get("ROLEHOP_HOME"));
    }

    public Path credentialsFile() {
        return root.resolve("aws").resolve("credentials");
    }

    public Path configFile() {
        return root.resolve("aws").resolve("config");
    }

    /** The environment of a run in-process with empty stdin, no launcher and no terminal, printing to out and err. */
    public CliEnvironment environment(PrintStream out, PrintStream err) {
        return new CliEnvironment(
                env,
                new ByteArrayInputStream(new byte[0]),
                out,
                err,
                clock,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** Runs {@code rolehop ARGS} with empty stdin. */
    public Result run(String... args) {
        return runWithStdin("", args);
    }

    /** Runs {@code rolehop ARGS} with {@code stdin} as standard input. */
    public Result runWithStdin(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment environment = new CliEnvironment(
                env,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                clock,
                Optional.empty(),
                Optional.of(Path.of("/opt/rolehop/bin/rolehop")),
                Optional.empty());
        int code = new Rolehop(environment, overrides).run(args);
        Result result = new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        transcript.add(String.join(" ", args) + "\n" + result.out() + "\n" + result.err());
        io.rolehop.testing.SecretLedger.transcript(
                "rolehop " + String.join(" ", args), result.out() + "\n" + result.err());
        return result;
    }

    /** Everything every run printed, for secret scans. */
    public String transcript() {
        return String.join("\n", transcript);
    }

    public String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What one run returned. */
    public record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
