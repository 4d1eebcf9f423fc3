package io.rolehop.domain;

/** Helpers to quote user input safely inside error messages. */
public final class Text {
    private static final int MAX_QUOTED = 80;

    private Text() {}

    /** The value with control characters escaped and shortened, fit to quote in a one-line message. */
    public static String printable(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < MAX_QUOTED; i++) {
            char c = value.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= MAX_QUOTED && value.length() > MAX_QUOTED) {
            out.append("...");
        }
        return out.toString();
    }

    static String require(String value, String what) {
        if (value == null) {
            throw new InvalidValueException(what + " is required");
        }
        return value;
    }
}
