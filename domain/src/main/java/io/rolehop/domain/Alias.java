package io.rolehop.domain;

import java.util.regex.Pattern;

/**
 * The name a user gives a session: 1 to 64 characters, starting with a letter or digit, then letters, digits,
 * spaces and {@code ._-@+=:/}; never shaped like a session id (a UUID, in any case), since ids name sessions in
 * {@code credential_process} lines and an alias shaped like another session's id would redirect them. Unique within a
 * workspace, case-sensitive.
 *
 * <p>Workspaces written before id-shaped aliases were refused may hold one: {@link #stored} reads it back, and
 * {@link Workspace#find(String)} looks ids up first, so such an alias never shadows an id (see docs/cli-reference.md,
 * "Aliases and ids").
 */
public final class Alias {
    private static final Pattern ALIAS = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._@+=:/-]{0,63}");
    private static final Pattern ID_SHAPED =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final String value;

    private Alias(String value) {
        Text.require(value, "alias");
        if (!ALIAS.matcher(value).matches() || value.endsWith(" ")) {
            throw new InvalidValueException("invalid alias '" + Text.printable(value)
                    + "'; use 1 to 64 characters: a letter or digit first, then letters, digits, spaces and ._-@+=:/");
        }
        this.value = value;
    }

    /** A new alias, as a user gives it. */
    public static Alias of(String value) {
        Alias alias = new Alias(value);
        if (alias.looksLikeId()) {
            throw new InvalidValueException("invalid alias '" + value + "': it is shaped like a session id (a UUID),"
                    + " which names sessions in credential_process lines; choose another alias");
        }
        return alias;
    }

    /** An alias read back from a stored workspace: one shaped like an id, refused for new aliases, is kept. */
    public static Alias stored(String value) {
        return new Alias(value);
    }

    /** Whether this alias is shaped like a session id, as only {@link #stored} aliases can be. */
    public boolean looksLikeId() {
        return ID_SHAPED.matcher(value).matches();
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    // Written out, as for the other value types: a record's generated equals and hashCode link method handles on
    // first use, which costs a short-lived process (the lean path of session generate) tens of milliseconds.
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Alias that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
