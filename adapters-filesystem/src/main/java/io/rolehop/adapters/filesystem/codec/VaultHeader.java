package io.rolehop.adapters.filesystem.codec;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The authenticated header of a vault file, format version 1 (integers big-endian): the 7 ASCII bytes
 * {@code RHVAULT}; a format version byte (1); a key-derivation id byte (1 = PBKDF2WithHmacSHA256); the iteration
 * count (4 bytes); the salt length (1 byte, 16) and the salt; the IV length (1 byte, 12) and the IV. The ciphertext
 * and its 16-byte GCM tag follow it; the header is their additional authenticated data.
 *
 * @param iterations PBKDF2 iterations, between {@link #MIN_ITERATIONS} and {@link #MAX_ITERATIONS}
 * @param salt the key-derivation salt, {@link #SALT_BYTES} long, chosen when the vault is created and kept
 * @param iv the AES-GCM IV, {@link #IV_BYTES} long, new on every write
 */
public record VaultHeader(int iterations, byte[] salt, byte[] iv) {
    static final byte[] MAGIC = "RHVAULT".getBytes(StandardCharsets.US_ASCII);
    /** The format version this code reads and writes. */
    public static final int FORMAT_VERSION = 1;

    static final int KDF_PBKDF2_HMAC_SHA256 = 1;
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; the file records it, so it can grow without breaking old files. */
    public static final int ITERATIONS = 600_000;
    /** The fewest iterations a file may ask for. */
    public static final int MIN_ITERATIONS = 210_000;
    /**
     * The most iterations a file may ask for: a few times today's count leaves room to raise it, while a planted
     * 100 000 000 (minutes of CPU on every command) is refused before any key is derived.
     */
    public static final int MAX_ITERATIONS = 2_000_000;
    /** Length of the salt. */
    public static final int SALT_BYTES = 16;
    /** Length of the IV. */
    public static final int IV_BYTES = 12;

    static final int TAG_BYTES = 16;

    /** Checks the sizes and the bounds (a forged header must not make us derive a weak key, nor spin for minutes). */
    public VaultHeader {
        if (Integer.toUnsignedLong(iterations) > MAX_ITERATIONS) {
            throw new VaultFormatException(
                    VaultFormatException.Reason.TOO_MANY_ITERATIONS, Integer.toUnsignedLong(iterations));
        }
        if (iterations < MIN_ITERATIONS || salt.length != SALT_BYTES || iv.length != IV_BYTES) {
            throw VaultFormatException.damaged();
        }
        salt = salt.clone();
        iv = iv.clone();
    }

    /**
     * The header at the start of a vault file's {@code bytes}, checked before any key is derived for it.
     *
     * @throws VaultFormatException when the bytes do not start with a valid header, or leave no room for a tag
     */
    public static VaultHeader decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        VaultHeader header;
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw VaultFormatException.damaged();
            }
            int version = Byte.toUnsignedInt(in.get());
            if (version > FORMAT_VERSION) {
                throw new VaultFormatException(VaultFormatException.Reason.NEWER_FORMAT, version);
            }
            if (version != FORMAT_VERSION || Byte.toUnsignedInt(in.get()) != KDF_PBKDF2_HMAC_SHA256) {
                throw VaultFormatException.damaged();
            }
            int iterations = in.getInt();
            byte[] salt = new byte[Byte.toUnsignedInt(in.get())];
            in.get(salt);
            byte[] iv = new byte[Byte.toUnsignedInt(in.get())];
            in.get(iv);
            header = new VaultHeader(iterations, salt, iv);
        } catch (BufferUnderflowException e) {
            throw VaultFormatException.damaged();
        }
        if (in.remaining() < TAG_BYTES) {
            throw VaultFormatException.damaged();
        }
        return header;
    }

    /** The header's bytes, as they start the file. */
    public byte[] encode() {
        return ByteBuffer.allocate(length())
                .put(MAGIC)
                .put((byte) FORMAT_VERSION)
                .put((byte) KDF_PBKDF2_HMAC_SHA256)
                .putInt(iterations)
                .put((byte) salt.length)
                .put(salt)
                .put((byte) iv.length)
                .put(iv)
                .array();
    }

    /** How many bytes the header takes. */
    public int length() {
        return MAGIC.length + 2 + 4 + 1 + salt.length + 1 + iv.length;
    }

    /** A copy of the salt. */
    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /** A copy of the IV. */
    @Override
    public byte[] iv() {
        return iv.clone();
    }

    /** Whether a key derived with {@code salt} and {@code iterations} is this header's key. */
    public boolean isKeyedBy(byte[] salt, int iterations) {
        return this.iterations == iterations && Arrays.equals(this.salt, salt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VaultHeader h
                && h.iterations == iterations
                && Arrays.equals(h.salt, salt)
                && Arrays.equals(h.iv, iv);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * iterations + Arrays.hashCode(salt)) + Arrays.hashCode(iv);
    }

    @Override
    public String toString() {
        return "VaultHeader[iterations=" + iterations + "]";
    }
}
