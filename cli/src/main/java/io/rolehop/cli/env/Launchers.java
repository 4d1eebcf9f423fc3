package io.rolehop.cli.env;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Launchers of rolehop as the tools that run them see them: the command word of a {@code credential_process} line, a
 * launcher that must exist and run, and {@code rolehop} on the PATH (see docs/cli-reference.md, "doctor").
 */
public final class Launchers {
    private static final long RUN_SECONDS = 60;

    private Launchers() {}

    /** A command line split after its first word: the word unquoted, and the rest. */
    public record Split(String word, String rest) {}

    /**
     * The first word of {@code command} as {@code sh} and botocore's {@code shlex} both read what rolehop writes:
     * a plain word, or one in single quotes ({@code '\''} for a quote inside); empty when it is neither.
     */
    public static Optional<Split> firstWord(String command) {
        String line = command.strip();
        if (!line.startsWith("'")) {
            int blank = line.indexOf(' ');
            return line.isEmpty()
                    ? Optional.empty()
                    : Optional.of(
                            blank < 0
                                    ? new Split(line, "")
                                    : new Split(
                                            line.substring(0, blank),
                                            line.substring(blank + 1).strip()));
        }
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            if (line.charAt(i) != '\'') {
                break;
            }
            int close = line.indexOf('\'', i + 1);
            if (close < 0) {
                return Optional.empty();
            }
            word.append(line, i + 1, close);
            i = close + 1;
            if (line.startsWith("\\'", i)) {
                word.append('\'');
                i += 2;
            }
        }
        if (i < line.length() && line.charAt(i) != ' ') {
            return Optional.empty();
        }
        return Optional.of(new Split(word.toString(), line.substring(i).strip()));
    }

    /**
     * Why {@code launcher} cannot serve as rolehop's launcher: it does not exist (a link is followed), is not
     * executable, or {@code launcher --version} does not answer {@code rolehop ...} with exit 0; empty when it runs.
     */
    public static Optional<String> problemRunning(Path launcher, Map<String, String> environment) {
        if (!Files.exists(launcher)) {
            return Optional.of(
                    Files.isSymbolicLink(launcher)
                            ? "is a link to " + target(launcher) + ", which does not exist"
                            : "does not exist");
        }
        if (!Files.isRegularFile(launcher) || !Files.isExecutable(launcher)) {
            return Optional.of("is not an executable file");
        }
        Ran ran;
        try {
            ran = run(List.of(launcher.toString(), "--version"), environment, RUN_SECONDS);
        } catch (IOException e) {
            return Optional.of("cannot be run (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("was interrupted while running");
        }
        if (ran.timedOut()) {
            return Optional.of("does not answer --version within " + RUN_SECONDS + " s");
        }
        String output = ran.output().length() > 4096 ? ran.output().substring(0, 4096) : ran.output();
        if (ran.exitCode() != 0 || !output.startsWith("rolehop ")) {
            String first = output.lines().findFirst().orElse("");
            return Optional.of(
                    "fails: '--version' exits " + ran.exitCode() + (first.isEmpty() ? "" : " (" + first + ")"));
        }
        return Optional.empty();
    }

    /** How a process ended: its exit code (-1 when it did not end in time) and what it wrote, stdout and stderr. */
    record Ran(int exitCode, boolean timedOut, String output) {}

    /**
     * Runs {@code command} with exactly {@code environment}, stdin from {@code /dev/null}, keeps the first 64 KiB it
     * writes, and waits at most {@code seconds} (then kills it).
     */
    static Ran run(List<String> command, Map<String, String> environment, long seconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8).strip();
        }
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Ran(-1, true, output);
        }
        return new Ran(process.exitValue(), false, output);
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "an unreadable target";
        }
    }

    /** The first executable {@code rolehop} on {@code PATH}, as a shell finds it. */
    public static Optional<Path> onPath(Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        for (String dir : List.of(path.split(":", -1))) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve("rolehop");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }
}
