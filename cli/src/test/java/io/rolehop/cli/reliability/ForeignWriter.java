package io.rolehop.cli.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another tool that edits the AWS files and follows rolehop's lock convention (docs/architecture.md, "Where state
 * lives"): python3 takes {@code fcntl.lockf} on {@code .credentials.rolehop-lock} (or {@code .config.rolehop-lock})
 * next to the file, only then opens the file, appends a profile, flushes and syncs it, and lets go.
 */
final class ForeignWriter {
    private static final String SCRIPT = String.join(
            "\n",
            "import fcntl, os, random, sys, time",
            "aws_dir, tag, stop = sys.argv[1], sys.argv[2], sys.argv[3]",
            "j = 0",
            "while not os.path.exists(stop):",
            "    time.sleep(random.uniform(0.05, 0.4))",
            "    for name, text in (",
            "            ('credentials', '\\n[foreign-%s-%d]\\naws_access_key_id = AKIAFOREIGN%s%d\\n'",
            "             'aws_secret_access_key = foreign-secret-%s-%d\\n' % (tag, j, tag, j, tag, j)),",
            "            ('config', '\\n[profile foreign-%s-%d]\\nregion = eu-north-1\\n' % (tag, j))):",
            "        fd = os.open(os.path.join(aws_dir, '.' + name + '.rolehop-lock'), os.O_RDWR | os.O_CREAT, 0o600)",
            "        try:",
            "            fcntl.lockf(fd, fcntl.LOCK_EX)",
            "            # Opened only under the lock: rolehop replaces the file by a rename, so a handle opened",
            "            # earlier could point at a file that is no longer there.",
            "            with open(os.path.join(aws_dir, name), 'a') as f:",
            "                f.write(text)",
            "                f.flush()",
            "                os.fsync(f.fileno())",
            "        finally:",
            "            fcntl.lockf(fd, fcntl.LOCK_UN)",
            "            os.close(fd)",
            "    print('append %d %d' % (j, int(time.time() * 1000)), flush=True)",
            "    j += 1",
            "print('appended %d' % j, flush=True)",
            "");

    /** A writer running until {@link #stop}: its process and the file whose creation tells it to stop. */
    record Running(Process process, Path stopFile) {}

    private ForeignWriter() {}

    /**
     * Starts the writer on the AWS files in {@code awsDir}: it appends a profile to each file, under the lock, every
     * 50 to 400 ms until stopped, so its appends fall among rolehop's writes; profiles are named
     * {@code foreign-TAG-N}.
     */
    static Running start(Path awsDir, String tag) {
        Path stop = awsDir.resolveSibling("stop-foreign-" + tag);
        try {
            Process process = new ProcessBuilder(
                            List.of("python3", "-c", SCRIPT, awsDir.toString(), tag, stop.toString()))
                    .redirectErrorStream(true)
                    .start();
            return new Running(process, stop);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Tells the writer to stop, waits for it, and returns when (epoch milliseconds) each of its appends finished,
     * in order; fails unless it appended at least once and ended cleanly.
     */
    static List<Long> stop(Running writer) {
        try {
            Files.writeString(writer.stopFile(), "stop");
            Process process = writer.process();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the foreign writer did not finish");
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            List<Long> appends = out.lines()
                    .filter(l -> l.startsWith("append "))
                    .map(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1)))
                    .toList();
            if (process.exitValue() != 0 || !out.contains("appended " + appends.size()) || appends.isEmpty()) {
                throw new AssertionError("the foreign writer failed: " + out);
            }
            return appends;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Holds the lock of {@code lockFile} for {@code seconds}, as a tool stuck mid-edit would. */
    static Process hold(Path lockFile, int seconds) {
        try {
            Process p = new ProcessBuilder(List.of(
                            "python3",
                            "-c",
                            String.join(
                                    "\n",
                                    "import fcntl, os, sys, time",
                                    "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)",
                                    "fcntl.lockf(fd, fcntl.LOCK_EX)",
                                    "print('locked', flush=True)",
                                    "time.sleep(" + seconds + ")",
                                    ""),
                            lockFile.toString()))
                    .redirectErrorStream(true)
                    .start();
            byte[] line = new byte[7];
            if (p.getInputStream().readNBytes(line, 0, 7) != 7
                    || !new String(line, StandardCharsets.UTF_8).equals("locked\n")) {
                p.destroyForcibly();
                throw new AssertionError("python3 could not lock " + lockFile);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
