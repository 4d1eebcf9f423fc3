package io.rolehop.cli.env;

import io.rolehop.adapters.filesystem.ChildEnvironment;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The controlling terminal ({@code /dev/tty}). Prompts go there rather than to stdout or stderr, because a
 * {@code credential_process} caller captures both.
 */
public class Terminal {
    private static final Path TTY = Path.of("/dev/tty");

    /** The controlling terminal, if this process has one. */
    public static Optional<Terminal> controlling() {
        if (!Files.isReadable(TTY)) {
            return Optional.empty();
        }
        try (FileInputStream probe = new FileInputStream(TTY.toFile())) {
            return Optional.of(new Terminal());
        } catch (IOException e) {
            // ENXIO: no controlling terminal (a daemon, CI, a credential_process without a tty).
            return Optional.empty();
        }
    }

    /** Asks a question and reads one line; with {@code secret}, echo is turned off while typing. */
    public Optional<String> prompt(String question, boolean secret) {
        try (FileInputStream in = new FileInputStream(TTY.toFile());
                Writer out = new OutputStreamWriter(new FileOutputStream(TTY.toFile()), StandardCharsets.UTF_8)) {
            if (secret && !stty("-echo")) {
                // Typing a secret that shows on the screen is worse than not being asked: the caller says how else
                // to give it (exit 3).
                out.write("rolehop: cannot turn off echo on this terminal (stty failed); not asking for a secret here"
                        + System.lineSeparator());
                out.flush();
                return Optional.empty();
            }
            out.write(question);
            out.flush();
            try {
                String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
                return Optional.ofNullable(line);
            } finally {
                if (secret) {
                    stty("echo");
                    out.write(System.lineSeparator());
                    out.flush();
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Runs {@code stty mode} on the terminal; whether it succeeded. */
    private static boolean stty(String mode) {
        try {
            ProcessBuilder builder = new ProcessBuilder("stty", mode).redirectInput(TTY.toFile());
            ChildEnvironment.strip(builder.environment());
            return builder.start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
