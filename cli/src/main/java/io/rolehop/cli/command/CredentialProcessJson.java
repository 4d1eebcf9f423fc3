package io.rolehop.cli.command;

import io.rolehop.domain.TemporaryCredentials;

/**
 * The Version-1 JSON that {@code credential_process} callers read, on one line. Public for the warm path of
 * {@code session generate} ({@code io.rolehop.cli.fast}), which must print exactly what the command prints.
 */
public final class CredentialProcessJson {
    private CredentialProcessJson() {}

    public static String of(TemporaryCredentials c) {
        // Appends rather than '+': the warm path prints this on a cold JVM, where the first string concatenation
        // links method handles that cost more than the rest of the line.
        StringBuilder out = new StringBuilder(1200).append("{\"Version\":1,\"AccessKeyId\":");
        quote(out, c.accessKeyId()).append(",\"SecretAccessKey\":");
        quote(out, c.secretAccessKey()).append(",\"SessionToken\":");
        quote(out, c.sessionToken()).append(",\"Expiration\":");
        return quote(out, c.expiration().toString()).append('}').toString();
    }

    private static StringBuilder quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"');
    }
}
