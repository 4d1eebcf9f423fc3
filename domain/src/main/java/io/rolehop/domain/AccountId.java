package io.rolehop.domain;

import java.util.regex.Pattern;

/** A 12-digit AWS account id. */
public record AccountId(String value) {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{12}");

    public AccountId {
        Text.require(value, "account id");
        if (!DIGITS.matcher(value).matches()) {
            throw new InvalidValueException("invalid account id '" + Text.printable(value) + "'; expected 12 digits");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
