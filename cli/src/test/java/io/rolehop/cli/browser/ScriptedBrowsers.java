package io.rolehop.cli.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/** Shell scripts that stand in for a browser: each writes down the arguments it was started with. */
public final class ScriptedBrowsers {
    private ScriptedBrowsers() {}

    /**
     * A browser {@code dir/name} that writes its arguments, one a line, to {@code dir/name.args} (whole, through a
     * rename), then exits with {@code exit}.
     */
    public static Path recording(Path dir, String name, int exit) throws IOException {
        Path script = dir.resolve(name);
        Path args = dir.resolve(name + ".args");
        Files.writeString(
                script,
                "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + args + ".tmp'\n/bin/mv '" + args + ".tmp' '" + args
                        + "'\nexit " + exit + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    /** The arguments the browser {@code dir/name} was started with, once it wrote them. */
    public static List<String> arguments(Path dir, String name) throws IOException, InterruptedException {
        Path args = dir.resolve(name + ".args");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(args)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the browser " + name + " was not started");
            }
            Thread.sleep(20);
        }
        return Files.readAllLines(args);
    }
}
