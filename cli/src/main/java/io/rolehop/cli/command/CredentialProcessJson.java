package io.rolehop.cli.command;

import io.rolehop.domain.TemporaryCredentials;

/** The Version-1 JSON that {@code credential_process} callers read, on one line. */
final class CredentialProcessJson {
    private CredentialProcessJson() {}

    static String of(TemporaryCredentials c) {
        return "{\"Version\":1,\"AccessKeyId\":" + quote(c.accessKeyId())
                + ",\"SecretAccessKey\":" + quote(c.secretAccessKey())
                + ",\"SessionToken\":" + quote(c.sessionToken())
                + ",\"Expiration\":" + quote(c.expiration().toString()) + "}";
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
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
        return out.append('"').toString();
    }
}
