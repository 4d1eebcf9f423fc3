package io.rolehop.adapters.filesystem;

import io.rolehop.application.OperationFailedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a file shared with other threads and other processes, held through a sibling lock file, waited
 * for a bounded time. The lock file is left in place: deleting it would let two writers lock two different files.
 *
 * <p>The wait is bounded by the holder, not by the queue: each rolehop process that takes the lock writes a token of
 * its own into the lock file, and a waiter gives up once the same token (or a holder that writes none, such as
 * another tool) has kept the lock for the timeout. A queue that keeps moving, many rolehop processes started at
 * once, is waited out, up to {@value #MAX_WAITS_IN_QUEUE} timeouts altogether.
 */
final class CrossProcessLock {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final long MAX_POLL_MILLIS = 100;
    /** How many timeouts a waiter spends at most in a queue that moves. */
    static final int MAX_WAITS_IN_QUEUE = 12;

    /*
     * The one piece of JVM-wide state in this module, and on purpose: the operating system's record locks belong to
     * the process, not to a channel. Closing any channel on a lock file drops every lock this process holds on it, and
     * a second channel in the same JVM cannot lock it at all (OverlappingFileLockException). So the threads of this
     * JVM first queue on one in-process lock per lock file, and only the winner opens the file.
     */
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final Path guarded;
    private final Duration timeout;

    /**
     * @param lockFile the file to lock
     * @param guarded the file the lock protects, named in messages
     */
    CrossProcessLock(Path lockFile, Path guarded, Duration timeout) {
        this.lockFile =
                Objects.requireNonNull(lockFile, "lockFile").toAbsolutePath().normalize();
        this.guarded = Objects.requireNonNull(guarded, "guarded");
        this.timeout = requirePositive(timeout);
    }

    static Duration requirePositive(Duration timeout) {
        Objects.requireNonNull(timeout, "lockTimeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the lock timeout must be positive");
        }
        return timeout;
    }

    /**
     * Waits for the lock; close the result to release it. Not re-entrant. A guarded file that is not a regular file is
     * refused first, before a lock file is made next to it (next to {@code /dev/null}, say).
     */
    Held acquire() {
        AtomicFiles.requireRegularIfExists(guarded);
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastChance = System.nanoTime() + timeout.toNanos() * MAX_WAITS_IN_QUEUE;
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock(true));
        if (local.isHeldByCurrentThread()) {
            throw new IllegalStateException("the lock on " + guarded + " is already held by this thread");
        }
        try {
            if (!local.tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                throw timedOut();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("interrupted while waiting for the lock on " + guarded, e);
        }
        FileChannel channel = null;
        try {
            AtomicFiles.createDirectories(lockFile.getParent());
            channel = open();
            long pause = 5;
            String holder = token(channel);
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    // Some code of this JVM outside this class holds it: wait as for another process.
                    lock = null;
                }
                if (lock != null) {
                    markHeld(channel);
                    return new Held(local, channel, lock);
                }
                String now = token(channel);
                if (!now.equals(holder)) {
                    // The lock changed hands: the queue moves, so the wait starts again for the new holder.
                    holder = now;
                    deadline = Math.min(System.nanoTime() + timeout.toNanos(), lastChance);
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw timedOut();
                }
                Thread.sleep(Math.min(pause, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
                pause = Math.min(pause * 2, MAX_POLL_MILLIS);
            }
        } catch (IOException e) {
            closeQuietly(channel);
            local.unlock();
            throw AtomicFiles.failure("cannot lock " + guarded + " through " + lockFile, e);
        } catch (InterruptedException e) {
            closeQuietly(channel);
            local.unlock();
            Thread.currentThread().interrupt();
            throw new OperationFailedException("interrupted while waiting for the lock on " + guarded, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            local.unlock();
            throw e;
        }
    }

    /** Writes a token of this acquisition into the lock file, so that waiters see the lock change hands. */
    private static void markHeld(FileChannel channel) throws IOException {
        byte[] token =
                (ProcessHandle.current().pid() + " " + System.nanoTime() + "\n").getBytes(StandardCharsets.US_ASCII);
        channel.truncate(0);
        ByteBuffer buffer = ByteBuffer.wrap(token);
        long position = 0;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
    }

    /**
     * The token of the last rolehop process that held the lock, empty before any did. Another tool writes none, so
     * while it holds the lock the token stays the one before it.
     */
    private static String token(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        int read = channel.read(buffer, 0);
        return read <= 0 ? "" : new String(buffer.array(), 0, read, StandardCharsets.US_ASCII);
    }

    /**
     * Opens the lock file, never through a symbolic link: the lock file is written to (see {@link #markHeld}), and
     * through a link planted in its place that write would truncate the link's target. A link, or anything else that
     * is not a regular file, is refused with a line that says what to do.
     */
    private FileChannel open() throws IOException {
        refuseIrregular();
        // Positional reads and writes only: the channel never moves, so one handle serves waiting and holding.
        Set<OpenOption> options = Set.of(
                StandardOpenOption.CREATE,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        if (AtomicFiles.isPosix(lockFile)) {
            return FileChannel.open(lockFile, options, PosixFilePermissions.asFileAttribute(AtomicFiles.PRIVATE_FILE));
        }
        return FileChannel.open(lockFile, options, new FileAttribute<?>[0]);
    }

    private void refuseIrregular() throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(lockFile, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (attributes.isSymbolicLink()) {
            throw new OperationFailedException("the lock file " + lockFile + " of " + guarded + " is a symbolic link;"
                    + " rolehop never follows links for its lock files: remove the link and try again");
        }
        if (!attributes.isRegularFile()) {
            throw new OperationFailedException("the lock file " + lockFile + " of " + guarded + " is not a regular"
                    + " file; remove it and try again");
        }
    }

    private OperationFailedException timedOut() {
        return new OperationFailedException(
                guarded + " is locked by another process for more than " + describe(timeout) + "; try again");
    }

    private static String describe(Duration d) {
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + " s";
        }
        return d.toMillis() + " ms";
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Closing releases the lock; nothing more can be done about a failed close.
            }
        }
    }

    /** A held lock. */
    static final class Held implements AutoCloseable {
        private final ReentrantLock local;
        private final FileChannel channel;
        private final FileLock lock;

        private Held(ReentrantLock local, FileChannel channel, FileLock lock) {
            this.local = local;
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
            } catch (IOException e) {
                // Closing the channel below releases it too.
            } finally {
                closeQuietly(channel);
                local.unlock();
            }
        }
    }
}
