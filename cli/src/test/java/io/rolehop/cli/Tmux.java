package io.rolehop.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real terminal for a command: a tmux session on a server of its own, driven with {@code send-keys} and read with
 * {@code capture-pane}, as a user at a terminal would. Needs tmux (Debian package {@code tmux}).
 */
final class Tmux implements AutoCloseable {
    private final String socket;
    private final Path dir;

    private Tmux(String socket, Path dir) {
        this.socket = socket;
        this.dir = dir;
    }

    /** Runs {@code command} with exactly {@code env} in a new 160x40 terminal; its exit code is printed when it ends. */
    static Tmux start(Path dir, Map<String, String> env, List<String> command) throws IOException {
        StringBuilder script = new StringBuilder("#!/bin/sh\n");
        env.forEach((k, v) -> script.append("export ")
                .append(k)
                .append("='")
                .append(v.replace("'", "'\\''"))
                .append("'\n"));
        script.append("cd '").append(dir).append("'\n");
        for (String word : command) {
            script.append("'").append(word.replace("'", "'\\''")).append("' ");
        }
        script.append("\necho \"EXIT=$?\"\nsleep 600\n");
        Path file = dir.resolve("tmux-command.sh");
        Files.writeString(file, script.toString());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        Tmux tmux = new Tmux("rolehop-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime(), dir);
        tmux.tmux("new-session", "-d", "-x", "160", "-y", "40", "-s", "t", file.toString());
        return tmux;
    }

    /** Types {@code keys}: literal text, or tmux key names with {@code named} (Enter, Up, Down, BSpace, Escape). */
    void type(String text) throws IOException {
        tmux("send-keys", "-t", "t", "-l", text);
    }

    void key(String name) throws IOException {
        tmux("send-keys", "-t", "t", name);
    }

    /** What the terminal shows now. */
    String screen() throws IOException {
        return tmux("capture-pane", "-p", "-t", "t");
    }

    /** Waits until the terminal shows {@code text} (60 s at most); the screen then. */
    String waitFor(String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String screen = screen();
        while (!screen.contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the terminal never showed '" + text + "'; it shows:\n" + screen);
            }
            Thread.sleep(100);
            screen = screen();
        }
        return screen;
    }

    private String tmux(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        tmux("kill-server");
    }
}
