package io.rolehop.adapters.filesystem.codec;

import java.util.Arrays;
import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * A vault's AES key with the salt and iteration count it was derived with: it opens exactly the vaults whose header
 * has both.
 *
 * @param salt the key-derivation salt
 * @param iterations the PBKDF2 iterations
 * @param key the AES-256 key
 */
public record VaultKey(byte[] salt, int iterations, SecretKey key) {
    /** Copies the salt. */
    public VaultKey {
        salt = Objects.requireNonNull(salt, "salt").clone();
        Objects.requireNonNull(key, "key");
    }

    /** A copy of the salt. */
    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /** Whether this key opens a vault with {@code header}. */
    public boolean opens(VaultHeader header) {
        return header.isKeyedBy(salt, iterations);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VaultKey k
                && k.iterations == iterations
                && Arrays.equals(k.salt, salt)
                && k.key.equals(key);
    }

    @Override
    public int hashCode() {
        return 31 * iterations + Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return "VaultKey[iterations=" + iterations + "]";
    }
}
