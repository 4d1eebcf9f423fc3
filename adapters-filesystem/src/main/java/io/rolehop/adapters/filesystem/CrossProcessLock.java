package io.rolehop.adapters.filesystem;

import io.rolehop.application.OperationFailedException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 */
final class CrossProcessLock {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final long MAX_POLL_MILLIS = 100;

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
        this.lockFile = Objects.requireNonNull(lockFile, "lockFile").toAbsolutePath().normalize();
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

    /** Waits for the lock; close the result to release it. Not re-entrant. */
    Held acquire() {
        long deadline = System.nanoTime() + timeout.toNanos();
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
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    // Some code of this JVM outside this class holds it: wait as for another process.
                    lock = null;
                }
                if (lock != null) {
                    return new Held(local, channel, lock);
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

    private FileChannel open() throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (AtomicFiles.isPosix(lockFile)) {
            return FileChannel.open(lockFile, options, PosixFilePermissions.asFileAttribute(AtomicFiles.PRIVATE_FILE));
        }
        return FileChannel.open(lockFile, options, new FileAttribute<?>[0]);
    }

    private OperationFailedException timedOut() {
        return new OperationFailedException(guarded + " is locked by another process for more than "
                + describe(timeout) + "; try again");
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
