package io.rolehop.cli.fast;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader for the warm path: RFC 8259 and nothing more, in UTF-8, one value per document,
 * duplicate names refused. Objects become {@link LinkedHashMap}s, arrays {@link ArrayList}s, integers {@link Long}s;
 * fractions and exponents become {@link Fraction}, {@code null} becomes {@link #NULL}.
 *
 * <p>It accepts no document that Jackson, as rolehop's file adapters configure it, would refuse: anything unusual,
 * even where Jackson is lenient, is {@link Malformed}, and the warm path then leaves the file to the full command.
 * Loading it costs a handful of classes, where Jackson's tree model costs hundreds.
 */
final class StrictJson {
    /** JSON {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** Deeper nesting than this is refused; Jackson allows 1000, and rolehop's files nest three levels. */
    private static final int MAX_DEPTH = 64;

    /** A number with a fraction or an exponent; the warm path never needs its value. */
    record Fraction(String text) {}

    /** The document is not JSON this reader accepts. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final String text;
    private int at;

    private StrictJson(String text) {
        this.text = text;
    }

    /** The one value of a UTF-8 document, which may be surrounded by white space only. */
    static Object parse(byte[] utf8) throws Malformed {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("not UTF-8");
        }
        StrictJson reader = new StrictJson(text);
        reader.skipWhitespace();
        Object value = reader.value(0);
        reader.skipWhitespace();
        if (reader.at != text.length()) {
            throw new Malformed("trailing content at " + reader.at);
        }
        return value;
    }

    private Object value(int depth) throws Malformed {
        if (depth > MAX_DEPTH) {
            throw new Malformed("nested too deeply");
        }
        if (at >= text.length()) {
            throw new Malformed("unexpected end");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return NULL;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw new Malformed("unexpected character at " + at);
        }
    }

    private Map<String, Object> object(int depth) throws Malformed {
        at++; // {
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            at++;
            return members;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw new Malformed("expected a name at " + at);
            }
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object value = value(depth + 1);
            if (members.putIfAbsent(name, value) != null) {
                throw new Malformed("duplicate name at " + at);
            }
            skipWhitespace();
            char c = next();
            if (c == '}') {
                return members;
            }
            if (c != ',') {
                throw new Malformed("expected , or } at " + (at - 1));
            }
        }
    }

    private List<Object> array(int depth) throws Malformed {
        at++; // [
        List<Object> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            at++;
            return elements;
        }
        while (true) {
            skipWhitespace();
            elements.add(value(depth + 1));
            skipWhitespace();
            char c = next();
            if (c == ']') {
                return elements;
            }
            if (c != ',') {
                throw new Malformed("expected , or ] at " + (at - 1));
            }
        }
    }

    private String string() throws Malformed {
        at++; // "
        int start = at;
        // The common case, no escape: one substring.
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '"') {
                return text.substring(start, at++);
            }
            if (c == '\\') {
                break;
            }
            if (c < 0x20) {
                throw new Malformed("control character in a string at " + at);
            }
            at++;
        }
        StringBuilder out = new StringBuilder(text.substring(start, at));
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new Malformed("control character in a string at " + (at - 1));
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
                    if (at + 4 > text.length()) {
                        throw new Malformed("short \\u escape at " + at);
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = Character.digit(text.charAt(at++), 16);
                        if (digit < 0) {
                            throw new Malformed("bad \\u escape at " + at);
                        }
                        code = code * 16 + digit;
                    }
                    out.append((char) code);
                }
                default -> throw new Malformed("bad escape at " + (at - 1));
            }
        }
    }

    private Object number() throws Malformed {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                at++;
            }
        } else {
            throw new Malformed("bad number at " + start);
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            at++;
            if (!isDigit(peek())) {
                throw new Malformed("bad fraction at " + at);
            }
            while (isDigit(peek())) {
                at++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            if (!isDigit(peek())) {
                throw new Malformed("bad exponent at " + at);
            }
            while (isDigit(peek())) {
                at++;
            }
        }
        String number = text.substring(start, at);
        if (!integral) {
            return new Fraction(number);
        }
        if (number.length() > 18) {
            throw new Malformed("integer too long at " + start);
        }
        return Long.parseLong(number);
    }

    private void literal(String word) throws Malformed {
        if (!text.startsWith(word, at)) {
            throw new Malformed("unexpected character at " + at);
        }
        at += word.length();
    }

    private void skipWhitespace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private char next() throws Malformed {
        if (at >= text.length()) {
            throw new Malformed("unexpected end");
        }
        return text.charAt(at++);
    }

    private void expect(char c) throws Malformed {
        if (next() != c) {
            throw new Malformed("expected " + c + " at " + (at - 1));
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
