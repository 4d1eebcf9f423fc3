package io.rolehop.domain;

import java.util.regex.Pattern;

/**
 * The name a user gives a session: 1 to 64 characters, starting with a letter or digit, then letters, digits,
 * spaces and {@code ._-@+=:/}. Unique within a workspace, case-sensitive.
 */
public record Alias(String value) {
    private static final Pattern ALIAS = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._@+=:/-]{0,63}");

    public Alias {
        Text.require(value, "alias");
        if (!ALIAS.matcher(value).matches() || value.endsWith(" ")) {
            throw new InvalidValueException("invalid alias '" + Text.printable(value)
                    + "'; use 1 to 64 characters: a letter or digit first, then letters, digits, spaces and ._-@+=:/");
        }
    }

    public static Alias of(String value) {
        return new Alias(value);
    }

    @Override
    public String toString() {
        return value;
    }

    // Written out rather than generated: a record's generated equals and hashCode link method handles on first use,
    // which costs a short-lived process (the lean path of session generate) tens of milliseconds; these are map keys.
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Alias that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
