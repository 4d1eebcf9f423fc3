package io.rolehop.example.command;

import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.DomainException;
import io.rolehop.domain.LongTermCredentials;
import io.rolehop.domain.TemporaryCredentials;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the JSON a {@code credential_process} tool prints: {@code Version} 1, {@code AccessKeyId},
 * {@code SecretAccessKey}, optional {@code SessionToken} and {@code Expiration}. A small strict parser of one flat
 * object, so the plugin needs nothing beyond rolehop's SPI. Error messages never quote a value.
 */
public final class CredentialProcessOutput {
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("[A-Z0-9]{16,128}");

    private final String text;
    private int pos;

    private CredentialProcessOutput(String text) {
        this.text = text;
    }

    /**
     * Parses the output.
     *
     * @param defaultExpiration the expiry given to temporary credentials whose output has no {@code Expiration}
     * @throws InvalidOutputException with a message that says what is wrong, never a value
     */
    public static AwsCredentials parse(String output, Instant defaultExpiration) {
        Map<String, Object> object = new CredentialProcessOutput(output).document();
        Object version = object.get("Version");
        if (!(version instanceof Long v) || v != 1L) {
            throw new InvalidOutputException("\"Version\" must be the number 1");
        }
        String keyId = string(object, "AccessKeyId").orElseThrow(() -> missing("AccessKeyId"));
        String secret = string(object, "SecretAccessKey").orElseThrow(() -> missing("SecretAccessKey"));
        Optional<String> token = string(object, "SessionToken");
        Optional<String> expiration = string(object, "Expiration");
        // Checked here, not by the domain, whose message quotes the id: a tool that mixed up its fields would show
        // its secret there.
        if (!ACCESS_KEY_ID.matcher(keyId).matches()) {
            throw new InvalidOutputException(
                    "\"AccessKeyId\" is not an access key id: expected 16 to 128 upper-case" + " letters and digits");
        }
        try {
            if (token.isEmpty()) {
                return new LongTermCredentials(keyId, secret);
            }
            Instant expires = expiration.map(CredentialProcessOutput::instant).orElse(defaultExpiration);
            return new TemporaryCredentials(keyId, secret, token.get(), expires);
        } catch (DomainException e) {
            throw new InvalidOutputException(e.getMessage());
        }
    }

    private static Instant instant(String value) {
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidOutputException(
                    "\"Expiration\" is not an ISO-8601 timestamp such as 2026-01-01T12:00:00Z");
        }
    }

    private static Optional<String> string(Map<String, Object> object, String key) {
        Object value = object.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String s)) {
            throw new InvalidOutputException("\"" + key + "\" must be a string");
        }
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static InvalidOutputException missing(String key) {
        return new InvalidOutputException("\"" + key + "\" is missing");
    }

    private Map<String, Object> document() {
        skipSpace();
        Map<String, Object> object = object();
        skipSpace();
        if (pos != text.length()) {
            throw error("unexpected text after the JSON object");
        }
        return object;
    }

    private Map<String, Object> object() {
        expect('{');
        Map<String, Object> out = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return out;
        }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            Object value = value();
            if (out.put(key, value) != null) {
                throw error("the key \"" + printable(key) + "\" appears twice");
            }
            skipSpace();
            char c = next();
            if (c == '}') {
                return out;
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '-' || isDigit(c)) {
            int start = pos;
            if (c == '-') {
                pos++;
            }
            while (pos < text.length() && (isDigit(text.charAt(pos)) || ".eE+-".indexOf(text.charAt(pos)) >= 0)) {
                pos++;
            }
            String number = text.substring(start, pos);
            try {
                return number.matches("-?[0-9]{1,18}")
                        ? (Object) Long.parseLong(number)
                        : (Object) Double.parseDouble(number);
            } catch (NumberFormatException e) {
                throw error("malformed number");
            }
        }
        for (String literal : new String[] {"true", "false", "null"}) {
            if (text.startsWith(literal, pos)) {
                pos += literal.length();
                return literal.equals("null") ? null : Boolean.valueOf(literal);
            }
        }
        if (c == '{' || c == '[') {
            throw error("nested objects and arrays are not part of the credential_process format");
        }
        throw error("expected a value");
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("control character inside a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("truncated \\u escape");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("malformed \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error("unknown escape");
            }
        }
    }

    /** JSON's digits are ASCII: {@link Character#isDigit} would let Long.parseLong read "١" as 1. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("the output ends too early");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private InvalidOutputException error(String what) {
        return new InvalidOutputException("not valid JSON at character " + (pos + 1) + ": " + what);
    }

    private static String printable(String key) {
        String shown = key.length() > 40 ? key.substring(0, 40) + "..." : key;
        // Control, line-separator and format characters would break the one-line message or act on a terminal.
        return shown.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\p{Cf}]", "?");
    }

    /** The output is not credential_process JSON. */
    public static final class InvalidOutputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidOutputException(String message) {
            super(message);
        }
    }
}
