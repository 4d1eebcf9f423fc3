package io.rolehop.domain;

import java.util.regex.Pattern;

/** The name STS gives an assumed-role session: 2 to 64 characters of {@code [\w+=,.@-]}. */
public record RoleSessionName(String value) {
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern DISALLOWED = Pattern.compile("[^\\w+=,.@-]");

    public RoleSessionName {
        Text.require(value, "role session name");
        if (!NAME.matcher(value).matches()) {
            throw new InvalidValueException("invalid role session name '" + Text.printable(value)
                    + "'; use 2 to 64 characters of letters, digits and +=,.@_-");
        }
    }

    public static RoleSessionName of(String value) {
        return new RoleSessionName(value);
    }

    /** A valid session name derived from an alias: other characters become '-', padded or cut to fit. */
    public static RoleSessionName derivedFrom(Alias alias) {
        String cleaned = DISALLOWED.matcher(alias.value()).replaceAll("-");
        String candidate = "rolehop-" + cleaned;
        if (candidate.length() > 64) {
            candidate = candidate.substring(0, 64);
        }
        return new RoleSessionName(candidate);
    }

    @Override
    public String toString() {
        return value;
    }
}
