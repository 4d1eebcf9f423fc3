package io.rolehop.cli.terminal;

import io.rolehop.application.InteractionRequiredException;
import io.rolehop.cli.env.CliEnvironment;
import java.util.Locale;

/**
 * A yes-or-no question before something that cannot be undone: asked on the terminal; without one, the command
 * needs {@code --yes} and otherwise fails with exit 3 (see docs/cli-reference.md, "Confirmations").
 */
public final class Confirmation {
    private Confirmation() {}

    /**
     * Whether to go ahead: true with {@code yes}; else the answer to {@code question} (only y or yes is a yes).
     *
     * @throws InteractionRequiredException without {@code yes} and without a terminal
     */
    public static boolean confirmed(CliEnvironment environment, String question, boolean yes, String flagHint) {
        if (yes) {
            return true;
        }
        String answer = environment
                .terminal()
                .orElseThrow(() -> new InteractionRequiredException(question.replaceFirst("\\?\\s*$", "")
                        + " needs a confirmation and there is no terminal to ask on; " + flagHint))
                .prompt(question + " [y/N] ", false)
                .orElse("");
        String a = answer.strip().toLowerCase(Locale.ROOT);
        return a.equals("y") || a.equals("yes");
    }
}
