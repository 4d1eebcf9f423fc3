package io.rolehop.cli.terminal;

import io.rolehop.application.InteractionRequiredException;
import io.rolehop.cli.env.Terminal;
import java.util.Optional;
import java.util.function.Function;

/**
 * Questions on the terminal, one a line, each answer checked on the spot: a wrong one is asked again with the
 * reason, an empty one takes the offered default (see docs/cli-reference.md, "Pickers and prompts").
 */
public final class Questions {
    private final Terminal terminal;

    public Questions(Terminal terminal) {
        this.terminal = terminal;
    }

    /**
     * Asks {@code label} until {@code problem} finds nothing wrong with the answer. An empty answer is
     * {@code offered} if there is one, else "none" for a question that is not {@code required}, else asked again.
     *
     * @param problem what is wrong with an answer, or empty when it will do
     */
    public Optional<String> ask(
            String label,
            Optional<String> offered,
            boolean required,
            boolean secret,
            Function<String, Optional<String>> problem) {
        String plain = label + offered.map(d -> " [" + d + "]").orElse(required ? "" : " (Enter: none)") + ": ";
        String question = plain;
        while (true) {
            String answer = terminal.prompt(question, secret)
                    .orElseThrow(() -> new InteractionRequiredException(
                            "no answer to '" + label + "' (the terminal" + " closed); give it as an option instead"))
                    .strip();
            if (answer.isEmpty()) {
                if (offered.isPresent() || !required) {
                    return offered;
                }
                question = "  an answer is needed\n" + plain;
                continue;
            }
            Optional<String> wrong = problem.apply(answer);
            if (wrong.isEmpty()) {
                return Optional.of(answer);
            }
            question = "  " + wrong.get() + "\n" + plain;
        }
    }
}
