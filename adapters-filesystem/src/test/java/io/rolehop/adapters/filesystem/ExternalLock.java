package io.rolehop.adapters.filesystem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A lock on a file held by another process (python3's fcntl.lockf, the same POSIX record lock Java takes). */
final class ExternalLock implements AutoCloseable {
    private final Process process;

    ExternalLock(Path lockFile) throws IOException {
        process = new ProcessBuilder(
                        "python3",
                        "-c",
                        "import fcntl, sys, time\n"
                                + "f = open(sys.argv[1], 'a')\n"
                                + "fcntl.lockf(f, fcntl.LOCK_EX)\n"
                                + "print('locked', flush=True)\n"
                                + "time.sleep(120)\n",
                        lockFile.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"locked".equals(line)) {
            process.destroyForcibly();
            throw new IOException("python3 could not lock " + lockFile + ": " + line);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
