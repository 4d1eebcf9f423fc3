package io.rolehop.domain;

import java.util.UUID;
import java.util.regex.Pattern;

/** The stable identifier of a session: a lower-case UUID. */
public record SessionId(String value) {
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public SessionId {
        Text.require(value, "session id");
        if (!UUID_TEXT.matcher(value).matches()) {
            throw new InvalidValueException("invalid session id '" + Text.printable(value) + "'; expected a UUID");
        }
    }

    public static SessionId random() {
        return new SessionId(UUID.randomUUID().toString());
    }

    public static boolean looksLikeId(String text) {
        return text != null && UUID_TEXT.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }

    // Written out rather than generated: a record's generated equals and hashCode link method handles on first use,
    // which costs a short-lived process (the lean path of session generate) tens of milliseconds; these are map keys.
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof SessionId that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
