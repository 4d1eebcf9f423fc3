package io.rolehop.adapters.filesystem.codec;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/**
 * A vault key as {@code secrets unlock} keeps it in the kernel keyring, never the passphrase: one line of five words,
 * {@code rolehop-vault-key-1 ITERATIONS SALT UNTIL KEY}, the salt and key in Base64, {@code UNTIL} the epoch second
 * after which the key is no longer used.
 *
 * @param key the derived key
 * @param until when it stops being used
 */
public record KeptVaultKey(VaultKey key, Instant until) {
    private static final String FORMAT = "rolehop-vault-key-1";
    private static final int KEY_BYTES = 32;

    /** Checks for nulls. */
    public KeptVaultKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(until, "until");
    }

    /** The keyring payload; it holds the key, so it goes nowhere but the keyring. */
    public String encode() {
        byte[] raw = key.key().getEncoded();
        try {
            Base64.Encoder b64 = Base64.getEncoder();
            return String.join(
                    " ",
                    FORMAT,
                    Integer.toString(key.iterations()),
                    b64.encodeToString(key.salt()),
                    Long.toString(until.getEpochSecond()),
                    b64.encodeToString(raw));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** The key in a keyring {@code payload}, or empty when it is not one of ours (expired or not, as written). */
    public static Optional<KeptVaultKey> decode(String payload) {
        String[] fields = payload.strip().split(" ");
        if (fields.length != 5 || !fields[0].equals(FORMAT)) {
            return Optional.empty();
        }
        byte[] raw = null;
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            Instant until = Instant.ofEpochSecond(Long.parseLong(fields[3]));
            raw = b64.decode(fields[4]);
            if (raw.length != KEY_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new KeptVaultKey(
                    new VaultKey(b64.decode(fields[2]), Integer.parseInt(fields[1]), new SecretKeySpec(raw, "AES")),
                    until));
        } catch (IllegalArgumentException | DateTimeException e) {
            return Optional.empty();
        } finally {
            if (raw != null) {
                Arrays.fill(raw, (byte) 0);
            }
        }
    }
}
