package io.rolehop.adapters.filesystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.OperationFailedException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bounded wait counts from the last change of holder: a moving queue is waited out, a stuck holder is not. */
class CrossProcessLockTest {
    @TempDir
    Path dir;

    /**
     * Holders that take the lock one right after another, each writing its token as rolehop processes do; the lock
     * is free only between two of them, too briefly for a waiter's poll to catch.
     */
    private Process queue(Path lockFile, int holders, double seconds) throws Exception {
        Process p = new ProcessBuilder(List.of(
                        "python3",
                        "-c",
                        String.join(
                                "\n",
                                "import fcntl, os, sys, time",
                                "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)",
                                "for i in range(" + holders + "):",
                                "    fcntl.lockf(fd, fcntl.LOCK_EX)",
                                "    os.ftruncate(fd, 0)",
                                "    os.pwrite(fd, ('holder %d %f\\n' % (i, time.time())).encode(), 0)",
                                "    if i == 0:",
                                "        print('locked', flush=True)",
                                "    time.sleep(" + seconds + ")",
                                "    fcntl.lockf(fd, fcntl.LOCK_UN)",
                                ""),
                        lockFile.toString()))
                .redirectErrorStream(true)
                .start();
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertEquals("locked", line);
        return p;
    }

    @Test
    void aQueueThatKeepsMovingIsWaitedOutBeyondTheTimeout() throws Exception {
        Path lockFile = dir.resolve(".credentials.rolehop-lock");
        Process others = queue(lockFile, 5, 0.3);
        long started = System.nanoTime();
        try (CrossProcessLock.Held held =
                new CrossProcessLock(lockFile, dir.resolve("credentials"), Duration.ofMillis(600)).acquire()) {
            long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertTrue(waited > 600, "got the lock after " + waited + " ms, before the queue had moved");
            assertTrue(Files.readString(lockFile).matches("\\d+ \\d+\\n"), "no token of this holder");
        } finally {
            others.destroy();
            others.waitFor();
        }
    }

    @Test
    void aHolderThatStaysIsGivenUpOnAfterTheTimeout() throws Exception {
        Path lockFile = dir.resolve(".credentials.rolehop-lock");
        Process stuck = queue(lockFile, 1, 30);
        long started = System.nanoTime();
        try {
            var e = assertThrows(
                    OperationFailedException.class,
                    () -> new CrossProcessLock(lockFile, dir.resolve("credentials"), Duration.ofMillis(600)).acquire());
            long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertEquals(
                    dir.resolve("credentials") + " is locked by another process for more than 600 ms; try again",
                    e.getMessage());
            assertTrue(waited >= 600 && waited < 3000, "waited " + waited + " ms");
        } finally {
            stuck.destroy();
            stuck.waitFor();
        }
    }

    @Test
    void aLockFileThatIsALinkIsRefusedAndItsTargetKept() throws Exception {
        Path victim = dir.resolve("victim");
        Files.writeString(victim, "precious\n");
        Path lockFile = dir.resolve(".credentials.rolehop-lock");
        Files.createSymbolicLink(lockFile, victim);

        var e = assertThrows(
                OperationFailedException.class,
                () -> new CrossProcessLock(lockFile, dir.resolve("credentials"), Duration.ofSeconds(1))
                        .acquire()
                        .close());

        assertEquals(
                "the lock file " + lockFile + " of " + dir.resolve("credentials") + " is a symbolic link;"
                        + " rolehop never follows links for its lock files: remove the link and try again",
                e.getMessage());
        assertEquals("precious\n", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(lockFile));
    }

    @Test
    void aDanglingLinkAsLockFileCreatesNothingAtItsTarget() throws Exception {
        Path lockFile = dir.resolve(".credentials.rolehop-lock");
        Files.createSymbolicLink(lockFile, dir.resolve("planted"));

        assertThrows(
                OperationFailedException.class,
                () -> new CrossProcessLock(lockFile, dir.resolve("credentials"), Duration.ofSeconds(1))
                        .acquire()
                        .close());

        assertTrue(Files.notExists(dir.resolve("planted")));
    }

    @Test
    void theAwsFilesRefuseALinkedLockFileAndLeaveTheFileAndTheTargetAlone() throws Exception {
        Path victim = dir.resolve("victim");
        Files.writeString(victim, "precious\n");
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, "[a]\nx = 1\n");
        Files.createSymbolicLink(dir.resolve(".credentials" + AwsSharedFile.LOCK_SUFFIX), victim);

        var e = assertThrows(
                OperationFailedException.class,
                () -> new IniCredentialsFile(credentials)
                        .write(io.rolehop.domain.NamedProfile.of("dev"), TestFiles.credentials("A"), false));

        assertTrue(e.getMessage().contains("is a symbolic link"), e.getMessage());
        assertEquals("precious\n", Files.readString(victim));
        assertEquals("[a]\nx = 1\n", Files.readString(credentials));
    }
}
