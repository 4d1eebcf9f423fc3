package io.rolehop.cli;

import io.rolehop.cli.command.Commands;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.fast.WarmGenerate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** The process entry point of {@code bin/rolehop}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // The build's class data training run: several command lines in one JVM (see docs/performance.md).
        String training = System.getProperty(Commands.CDS_TRAINING);
        if (training != null) {
            train(Path.of(training));
            System.exit(0);
        }
        // credential_process runs "session generate" before every AWS call: serve cached credentials before picocli,
        // Guice or any adapter loads. Off when the launcher's own warm path has just missed (no need to look twice).
        if (!"off".equals(System.getProperty("rolehop.warm"))
                && WarmGenerate.serve(args, System.getenv(), Clock.systemUTC())) {
            System.out.flush();
            System.exit(0);
        }
        int code = new Rolehop(CliEnvironment.fromSystem()).run(args);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /**
     * Runs each command line of {@code file} (one per line, words split on blanks; blank lines and lines starting
     * with {@code #} skipped) as {@code bin/rolehop} would, one after the other in this JVM, whatever each one's exit
     * code: a class data sharing archive dumped when this JVM exits then holds the classes of all of them.
     */
    static void train(Path file) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int code = new Rolehop(CliEnvironment.fromSystem()).run(trimmed.split("\\s+"));
                System.out.flush();
                System.err.println("rolehop training: '" + trimmed + "' exited " + code);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
