package io.rolehop.adapters.aws;

import io.rolehop.domain.Alias;
import java.util.regex.Pattern;

/** How the built-in methods name a session in the commands their messages suggest. */
final class Sessions {
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9._@+=:/-]+");

    private Sessions() {}

    /** The alias as one shell word: quoted when it holds a space or another character the shell would split on. */
    static String shellWord(Alias alias) {
        String value = alias.value();
        // An alias never holds a quote, '$', '`' or a backslash (see Alias), so double quotes are always enough;
        // they also read well inside the single-quoted command of a message.
        return SHELL_SAFE.matcher(value).matches() ? value : "\"" + value + "\"";
    }
}
