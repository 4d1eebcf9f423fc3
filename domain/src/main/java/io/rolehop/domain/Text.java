package io.rolehop.domain;

/** Helpers to quote user input safely inside error messages. */
public final class Text {
    private static final int MAX_QUOTED = 80;

    private Text() {}

    /**
     * The value with control, line-breaking and format characters escaped Java-style, cut after 80 characters with
     * "...": fit to quote in a one-line message.
     */
    public static String printable(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < value.length() && out.length() < MAX_QUOTED; i++) {
            char c = value.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (Character.isISOControl(c) || isInvisibleLayout(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (i < value.length()) {
            // Escapes lengthen the output: what was cut is judged by the input left over, not by lengths.
            out.append("...");
        }
        return out.toString();
    }

    /** Line and paragraph separators and format characters (bidi overrides, zero-width): they break or hide text. */
    private static boolean isInvisibleLayout(char c) {
        int type = Character.getType(c);
        return type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT;
    }

    static String require(String value, String what) {
        if (value == null) {
            throw new InvalidValueException(what + " is required");
        }
        return value;
    }
}
