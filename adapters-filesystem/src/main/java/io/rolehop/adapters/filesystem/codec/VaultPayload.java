package io.rolehop.adapters.filesystem.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A vault's plain payload: the UTF-8 JSON object of all secrets, each value a string ({@code {"key":"value",...}}).
 * Written and read here without a JSON library, so that the payload never passes through code that might quote it
 * in an exception. The char buffers that held secrets are cleared.
 */
public final class VaultPayload {
    private VaultPayload() {}

    /**
     * The payload of {@code secrets}, keys in their map's order; the caller clears it after use.
     *
     * @throws IllegalArgumentException when a key or value holds a lone surrogate (UTF-8 cannot hold it)
     */
    public static byte[] encode(Map<String, String> secrets) {
        StringBuilder out = new StringBuilder("{");
        secrets.forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            quote(out, k);
            out.append(':');
            quote(out, v);
        });
        out.append('}');
        CharBuffer chars = CharBuffer.wrap(out);
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(chars);
            byte[] result = Arrays.copyOf(bytes.array(), bytes.limit());
            Arrays.fill(bytes.array(), (byte) 0);
            return result;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a key or secret is not valid Unicode text (a lone surrogate)");
        } finally {
            for (int i = 0; i < out.length(); i++) {
                out.setCharAt(i, '\0');
            }
        }
    }

    /**
     * The secrets of {@code payload}: a JSON object whose values are all strings (a repeated key keeps its last value).
     *
     * @throws VaultFormatException (damaged) for anything else
     */
    public static TreeMap<String, String> decode(byte[] payload) {
        char[] text;
        try {
            CharBuffer chars = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload));
            text = Arrays.copyOf(chars.array(), chars.limit());
            Arrays.fill(chars.array(), '\0');
        } catch (CharacterCodingException e) {
            throw VaultFormatException.damaged();
        }
        try {
            return new Reader(text).object();
        } finally {
            Arrays.fill(text, '\0');
        }
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A strict reader of one JSON object of string values (RFC 8259), white space allowed between tokens. */
    private static final class Reader {
        private final char[] text;
        private int at;

        Reader(char[] text) {
            this.text = text;
        }

        TreeMap<String, String> object() {
            TreeMap<String, String> secrets = new TreeMap<>();
            expect('{');
            if (peek() == '}') {
                at++;
            } else {
                do {
                    String key = string();
                    expect(':');
                    secrets.put(key, string());
                } while (comma());
                expect('}');
            }
            space();
            if (at != text.length) {
                throw VaultFormatException.damaged();
            }
            return secrets;
        }

        private boolean comma() {
            if (peek() == ',') {
                at++;
                return true;
            }
            return false;
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
                    throw VaultFormatException.damaged();
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
                    case 'u' -> out.append((char) hex4());
                    default -> throw VaultFormatException.damaged();
                }
            }
        }

        private int hex4() {
            int value = 0;
            for (int i = 0; i < 4; i++) {
                char c = next();
                int digit = c < 128 ? Character.digit(c, 16) : -1;
                if (digit < 0) {
                    throw VaultFormatException.damaged();
                }
                value = value * 16 + digit;
            }
            return value;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw VaultFormatException.damaged();
            }
            at++;
        }

        /** The next character after white space, not consumed; 0 at the end. */
        private char peek() {
            space();
            return at < text.length ? text[at] : 0;
        }

        private char next() {
            if (at >= text.length) {
                throw VaultFormatException.damaged();
            }
            return text[at++];
        }

        private void space() {
            while (at < text.length && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) {
                at++;
            }
        }
    }
}
