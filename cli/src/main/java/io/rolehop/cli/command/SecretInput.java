package io.rolehop.cli.command;

import io.rolehop.application.InteractionRequiredException;
import io.rolehop.application.UsageException;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.cli.env.CliEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Reads secret field values: a line of stdin with {@code --NAME-stdin}, else a no-echo prompt on the terminal. */
final class SecretInput {
    private final CliEnvironment environment;
    private BufferedReader stdin;

    SecretInput(CliEnvironment environment) {
        this.environment = environment;
    }

    String fromStdin(FieldSpec field) {
        try {
            if (stdin == null) {
                stdin = new BufferedReader(new InputStreamReader(environment.in(), StandardCharsets.UTF_8));
            }
            String line = stdin.readLine();
            if (line == null || line.strip().isEmpty()) {
                throw new UsageException("--" + field.name() + "-stdin was given but standard input had no value");
            }
            return line.strip();
        } catch (IOException e) {
            throw new UsageException("cannot read --" + field.name() + " from standard input: " + e.getMessage());
        }
    }

    String prompt(FieldSpec field) {
        return environment
                .terminal()
                .flatMap(t -> t.prompt(question(field), true))
                .filter(v -> !v.isBlank())
                .map(String::strip)
                .orElseThrow(() -> new InteractionRequiredException(
                        "--" + field.name() + " is needed and there is no terminal to ask on; pipe it in with --"
                                + field.name() + "-stdin"));
    }

    /** "Enter the secret access key of the IAM user (typing is not shown): ": the field's help as a sentence. */
    static String question(FieldSpec field) {
        return "Enter " + clause(field) + " (typing is not shown): ";
    }

    /** The field's help without its parenthesised aside: "the secret access key of the IAM user". */
    static String clause(FieldSpec field) {
        String help = field.help().strip();
        int aside = help.indexOf(" (");
        return aside > 0 ? help.substring(0, aside) : help;
    }

    static UsageException plainFlagRefused(FieldSpec field) {
        return new UsageException("--" + field.name() + " is never accepted as an option value (shell history and "
                + "process listings would show it); use --" + field.name() + "-stdin or answer the prompt");
    }
}
