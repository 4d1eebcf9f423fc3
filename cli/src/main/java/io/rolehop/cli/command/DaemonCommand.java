package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.ApplicationException;
import io.rolehop.application.OperationFailedException;
import io.rolehop.application.port.in.RotateSessionsUseCase;
import io.rolehop.application.port.in.RotateSessionsUseCase.Outcome;
import io.rolehop.application.port.in.RotateSessionsUseCase.Rotation;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.env.CliState;
import io.rolehop.domain.DomainException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Keeps active file-mode sessions fresh: sleeps until the earliest refresh time (waking early when the workspace
 * changes), rotates, logs one line per rotation, backs off after failures, stops cleanly on SIGINT or SIGTERM.
 */
@Command(name = "daemon", description = "Keep active sessions' credentials fresh until stopped (one per workspace).")
final class DaemonCommand implements java.util.concurrent.Callable<Integer> {
    private static final Duration IDLE_WAIT = Duration.ofHours(1);
    private static final String WORKSPACE_FILE = "workspace.json";
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(15);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    private final Provider<RotateSessionsUseCase> rotation;
    private final CliEnvironment environment;
    private final CliState state;

    @Option(names = "--max-rotations", hidden = true, description = "Stop after this many rotation rounds (tests).")
    int maxRounds = -1;

    @Inject
    DaemonCommand(Provider<RotateSessionsUseCase> rotation, CliEnvironment environment, CliState state) {
        this.rotation = rotation;
        this.environment = environment;
        this.state = state;
    }

    @Override
    public Integer call() throws IOException {
        Path home = environment.rolehopHome();
        // rolehop's own directory is private (0700), whichever command creates it first.
        Files.createDirectories(
                home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path lockFile = home.resolve("daemon.lock");
        try (FileChannel channel = openLock(lockFile);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new OperationFailedException("a rolehop daemon already runs for the workspace in " + home
                        + "; stop it first (its lock is " + lockFile + ")");
            }
            return loop(home);
        }
    }

    private int loop(Path home) throws IOException {
        PrintStream log = environment.out();
        Clock clock = environment.clock();
        // Unattended: an MFA code or the vault passphrase is never asked for (the rotation fails and says so).
        state.setPromptsAllowed(false);
        RotateSessionsUseCase rotate = rotation.get();
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        Thread hook = new Thread(
                () -> {
                    stopping.set(true);
                    main.interrupt();
                    try {
                        stopped.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "rolehop-daemon-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        log.println(clock.instant() + " daemon started for " + home);
        int failures = 0;
        int rounds = 0;
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            home.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            while (!stopping.get() && (maxRounds < 0 || rounds < maxRounds)) {
                List<Rotation> done;
                try {
                    done = rotate.rotate();
                } catch (ApplicationException | DomainException e) {
                    done = List.of(new Rotation("*", Outcome.FAILED_KEPT, Optional.empty(), e.getMessage()));
                } catch (RuntimeException e) {
                    // A bug or a plugin's failure must not end the daemon; its message is not shown (it may hold
                    // anything), --debug-free: the class says enough to report it.
                    done = List.of(new Rotation(
                            "*",
                            Outcome.FAILED_KEPT,
                            Optional.empty(),
                            "rotation failed unexpectedly (" + e.getClass().getName() + "); retrying with backoff"));
                }
                rounds++;
                done.forEach(r -> log.println(clock.instant() + " " + RotateCommand.describe(r)));
                boolean failed = done.stream().anyMatch(r -> r.outcome() == Outcome.FAILED_KEPT);
                failures = failed ? failures + 1 : 0;
                // The round's own writes are behind us: forget their events before reading the workspace for the
                // next refresh time, so that a change after that read still wakes the wait below.
                drain(watcher);
                Duration wait = nextWait(rotate, clock, failures);
                if (maxRounds >= 0 && rounds >= maxRounds) {
                    break;
                }
                try {
                    waitForRefreshOrChange(watcher, clock, wait, failures == 0);
                } catch (InterruptedException | ClosedWatchServiceException e) {
                    if (stopping.get()) {
                        break;
                    }
                }
            }
        } finally {
            log.println(clock.instant() + " daemon stopped");
            log.flush();
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Already stopping through the hook.
            }
        }
        return ExitCode.OK;
    }

    /**
     * Sleeps for {@code wait}, or until the workspace file changes (a session started or edited) when
     * {@code wakeOnChange}; a backoff after a failure is always waited out. Events of every other file in the
     * directory (lock tokens, the cache, the vault) never wake it; the round's own were drained before.
     */
    private static void waitForRefreshOrChange(WatchService watcher, Clock clock, Duration wait, boolean wakeOnChange)
            throws InterruptedException {
        Instant deadline = clock.instant().plus(wait);
        while (true) {
            long left = Duration.between(clock.instant(), deadline).toMillis();
            if (left <= 0) {
                return;
            }
            WatchKey key = watcher.poll(left, TimeUnit.MILLISECONDS);
            if (key == null) {
                return;
            }
            boolean workspaceChanged = false;
            for (WatchEvent<?> event : key.pollEvents()) {
                workspaceChanged |= event.context() instanceof Path name && WORKSPACE_FILE.equals(name.toString());
            }
            key.reset();
            if (workspaceChanged && wakeOnChange) {
                return;
            }
        }
    }

    /** Discards the events already queued: those of the round that just ran, which wrote the workspace itself. */
    private static void drain(WatchService watcher) {
        for (WatchKey key = watcher.poll(); key != null; key = watcher.poll()) {
            key.pollEvents();
            key.reset();
        }
    }

    private static Duration nextWait(RotateSessionsUseCase rotate, Clock clock, int failures) {
        if (failures > 0) {
            long factor = 1L << Math.min(failures - 1, 10);
            Duration backoff = FIRST_BACKOFF.multipliedBy(factor);
            return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
        }
        Optional<Instant> next = rotate.nextRefresh();
        if (next.isEmpty()) {
            return IDLE_WAIT;
        }
        Duration until = Duration.between(clock.instant(), next.get());
        return until.isNegative() ? Duration.ofSeconds(1) : until;
    }

    /** Opens (creating it private) the daemon's lock file; a link or anything but a regular file is refused. */
    private static FileChannel openLock(Path lockFile) throws IOException {
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(lockFile, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw new OperationFailedException("the daemon's lock file " + lockFile + " is "
                        + (attributes.isSymbolicLink() ? "a symbolic link" : "not a regular file")
                        + "; rolehop never follows links for its lock files: remove it and try again");
            }
        } catch (NoSuchFileException absent) {
            // Created below, private from the start.
        }
        return FileChannel.open(
                lockFile,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
}
