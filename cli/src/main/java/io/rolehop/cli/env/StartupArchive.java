package io.rolehop.cli.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The full command's class data sharing archive, {@code lib/rolehop.jsa} in the distribution: it records rolehop's
 * module path, so it serves only the directory it was made in, and is made there by {@code cds/train.sh} (by the
 * build, by the Debian package when installed, by {@code rolehop doctor --fix} for a tarball; see
 * docs/performance.md, "Class data sharing"). rolehop works without it, only slower to start.
 */
public final class StartupArchive {
    private static final long TRAIN_SECONDS = 300;

    /** What the distribution's archive is. */
    public enum State {
        MISSING,
        STALE,
        IN_USE
    }

    private final Path distribution;
    private final Path launcher;

    private StartupArchive(Path distribution, Path launcher) {
        this.distribution = distribution;
        this.launcher = launcher;
    }

    /** The archive of the distribution this command runs from, if it runs from one with a launcher and a trainer. */
    public static Optional<StartupArchive> of(CliEnvironment environment) {
        if (environment.distribution().isEmpty() || environment.launcher().isEmpty()) {
            return Optional.empty();
        }
        Path distribution = environment.distribution().get();
        return Files.isRegularFile(distribution.resolve("cds").resolve("train.sh"))
                ? Optional.of(
                        new StartupArchive(distribution, environment.launcher().get()))
                : Optional.empty();
    }

    /** The archive's path. */
    public Path path() {
        return distribution.resolve("lib").resolve("rolehop.jsa");
    }

    /**
     * Whether the archive is there, made for this directory (the file {@code rolehop.jsa.dir} beside it names it, as
     * the launcher requires), and this distribution's Java maps it: the launcher is run with {@code -Xshare:on}, which
     * makes the JVM refuse to start with an archive made for another runtime or other jars.
     */
    public State state(Map<String, String> environment) {
        if (!Files.isRegularFile(path())) {
            return State.MISSING;
        }
        if (!madeHere()) {
            return State.STALE;
        }
        Map<String, String> strict = new HashMap<>(environment);
        strict.put("ROLEHOP_JAVA_OPTS", "-Xshare:on");
        return Launchers.problemRunning(launcher, strict).isPresent() ? State.STALE : State.IN_USE;
    }

    private boolean madeHere() {
        Path lib = path().getParent();
        try {
            return Files.readString(lib.resolve("rolehop.jsa.dir"), StandardCharsets.UTF_8)
                    .strip()
                    .equals(lib.toRealPath().toString());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Makes the archive again with {@code cds/train.sh}: an ahead-of-time cache on Java 25 and later, a dynamic
     * archive before. Returns why it could not, in one line; empty when it is made.
     */
    public Optional<String> make(Map<String, String> environment) {
        Path lib = distribution.resolve("lib");
        if (!Files.isWritable(lib)) {
            return Optional.of("cannot write " + lib + "; run 'rolehop doctor --fix' as its owner");
        }
        String kind = Runtime.version().feature() >= 25 ? "aot" : "dynamic";
        Launchers.Ran ran;
        try {
            ran = Launchers.run(
                    List.of(
                            "sh",
                            distribution.resolve("cds").resolve("train.sh").toString(),
                            "full",
                            path().toString(),
                            kind),
                    environment,
                    TRAIN_SECONDS);
        } catch (IOException e) {
            return Optional.of("cds/train.sh cannot be run (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while cds/train.sh ran");
        }
        if (ran.timedOut()) {
            return Optional.of("cds/train.sh did not finish within " + TRAIN_SECONDS + " s");
        }
        if (ran.exitCode() != 0) {
            String last = ran.output().lines().reduce((x, y) -> y).orElse("");
            return Optional.of("cds/train.sh exited " + ran.exitCode() + (last.isEmpty() ? "" : " (" + last + ")"));
        }
        return Optional.empty();
    }
}
