package io.rolehop.domain;

import java.util.regex.Pattern;

/** Validation shared by the credential records. */
final class Credentials {
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("[A-Z0-9]{16,128}");

    private Credentials() {}

    static void requireAccessKeyId(String accessKeyId) {
        Text.require(accessKeyId, "access key id");
        if (!ACCESS_KEY_ID.matcher(accessKeyId).matches()) {
            throw new InvalidValueException("invalid access key id '" + Text.printable(accessKeyId)
                    + "'; expected 16 to 128 upper-case letters and digits, such as AKIAIOSFODNN7EXAMPLE");
        }
    }

    static void requireSecret(String secret, String what) {
        Text.require(secret, what);
        if (secret.isEmpty()) {
            throw new InvalidValueException(what + " must not be empty");
        }
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                // Never quote the secret itself.
                throw new InvalidValueException(what + " contains white space or a control character");
            }
        }
    }
}
