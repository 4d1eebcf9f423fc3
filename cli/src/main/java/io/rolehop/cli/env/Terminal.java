package io.rolehop.cli.env;

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
            out.write(question);
            out.flush();
            if (secret) {
                stty("-echo");
            }
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

    private static void stty(String mode) {
        try {
            new ProcessBuilder("stty", mode).redirectInput(TTY.toFile()).start().waitFor();
        } catch (IOException e) {
            // Without stty the answer is echoed; nothing else breaks.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
