package io.rolehop.cli.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random tokens and their comparison in constant time. */
final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** 256 bits. */
    private static final int TOKEN_BYTES = 32;

    private Secrets() {}

    /** A fresh token: 256 random bits, base64url without padding (43 characters). */
    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Whether {@code given} equals {@code expected}, in a time that depends on neither: both are hashed first, so
     * even their lengths are compared without an early exit.
     */
    static boolean matches(String given, String expected) {
        return given != null && MessageDigest.isEqual(sha256(given), sha256(expected));
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
