package io.rolehop.domain;

import java.util.regex.Pattern;

/** The id of an access method, e.g. {@code aws-iam-role-chained}: lower-case letters, digits and '-', 2 to 64. */
public record AccessMethodId(String value) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

    public AccessMethodId {
        Text.require(value, "access method id");
        if (!ID.matcher(value).matches()) {
            throw new InvalidValueException("invalid access method id '" + Text.printable(value)
                    + "'; expected 2 to 64 lower-case letters, digits and '-'");
        }
    }

    public static AccessMethodId of(String value) {
        return new AccessMethodId(value);
    }

    @Override
    public String toString() {
        return value;
    }

    // Written out rather than generated: a record's generated equals and hashCode link method handles on first use,
    // which costs a short-lived process (the lean path of session generate) tens of milliseconds; these are map keys.
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof AccessMethodId that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
