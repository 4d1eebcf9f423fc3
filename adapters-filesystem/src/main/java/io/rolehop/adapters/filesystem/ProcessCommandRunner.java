package io.rolehop.adapters.filesystem;

import io.rolehop.application.OperationFailedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@link CommandRunner} on {@link ProcessBuilder}: the program gets exactly the given environment (nothing of this
 * process's) without what {@link ChildEnvironment} keeps from every child, a program name without a slash is looked up in that environment's {@code PATH}, and stdin, stdout and
 * stderr are pumped on their own threads so that no pipe can fill up and block the program.
 */
public final class ProcessCommandRunner implements CommandRunner {
    private static final int MAX_OUTPUT = 16 * 1024 * 1024;

    private final Map<String, String> environment;

    /** Runs programs with {@code environment}, less {@link ChildEnvironment#SECRETS}, as their whole environment. */
    public ProcessCommandRunner(Map<String, String> environment) {
        this.environment = Map.copyOf(ChildEnvironment.of(Objects.requireNonNull(environment, "environment")));
    }

    /** Where {@code program} would be found on the {@code PATH} of this runner's environment. */
    public Optional<Path> find(String program) {
        if (program.contains("/")) {
            Path path = Path.of(program);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        for (String dir : environment.getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Result run(List<String> command, String stdin, Duration timeout) {
        Objects.requireNonNull(stdin, "stdin");
        String program = command.get(0);
        Path executable = find(program)
                .orElseThrow(() -> new OperationFailedException(
                        "cannot run " + program + ": it is not installed (or not on PATH)"));
        List<String> argv = new ArrayList<>(command);
        argv.set(0, executable.toString());
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new OperationFailedException("cannot run " + program + ": " + e.getMessage());
        }
        Pump out = Pump.reading(process.getInputStream(), program);
        Pump err = Pump.reading(process.getErrorStream(), program);
        Pump.writing(process.getOutputStream(), stdin.getBytes(StandardCharsets.UTF_8), program);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new OperationFailedException(program + " did not finish within " + timeout.toSeconds()
                        + " s; it may be waiting for a prompt that cannot be shown (a locked keychain?)");
            }
            return new Result(
                    process.exitValue(),
                    new String(out.bytes(), StandardCharsets.UTF_8),
                    new String(err.bytes(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new OperationFailedException("interrupted while waiting for " + program);
        }
    }

    /** One stream pumped on a daemon thread of its own. */
    private static final class Pump {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final Thread thread;

        private Pump(Runnable body, String name) {
            thread = new Thread(body, name);
            thread.setDaemon(true);
        }

        static Pump reading(InputStream stream, String program) {
            Pump[] self = new Pump[1];
            self[0] = new Pump(() -> drain(stream, self[0].buffer), "rolehop-" + program + "-output");
            self[0].thread.start();
            return self[0];
        }

        static void writing(OutputStream stream, byte[] bytes, String program) {
            Pump pump = new Pump(
                    () -> {
                        try (stream) {
                            stream.write(bytes);
                        } catch (IOException e) {
                            // The program closed its stdin early; its exit code and stderr tell what went wrong.
                        }
                    },
                    "rolehop-" + program + "-input");
            pump.thread.start();
        }

        byte[] bytes() throws InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(5));
            synchronized (buffer) {
                return buffer.toByteArray();
            }
        }
    }

    private static void drain(InputStream stream, ByteArrayOutputStream into) {
        byte[] chunk = new byte[8192];
        try (stream) {
            int n;
            while ((n = stream.read(chunk)) != -1) {
                synchronized (into) {
                    if (into.size() + n <= MAX_OUTPUT) {
                        into.write(chunk, 0, n);
                    }
                }
            }
        } catch (IOException e) {
            // The program went away; what was read so far is all there is.
        }
    }

    @Override
    public String toString() {
        return "ProcessCommandRunner";
    }
}
