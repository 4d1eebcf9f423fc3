package io.rolehop.adapters.filesystem.codec;

import java.util.Objects;

/**
 * Vault bytes that cannot be read. The message is fixed text and one number at most: it never quotes the bytes,
 * which may be decrypted secrets.
 */
public final class VaultFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the bytes cannot be read. */
    public enum Reason {
        /** Not a vault, cut short, a wrong key, or changed since it was written. */
        DAMAGED,
        /** Written in a later format than this code reads; {@link #number()} is that format. */
        NEWER_FORMAT,
        /** Asks for more key-derivation iterations than accepted; {@link #number()} is how many. */
        TOO_MANY_ITERATIONS
    }

    private final Reason reason;
    private final long number;

    VaultFormatException(Reason reason, long number) {
        super(
                Objects.requireNonNull(reason, "reason") + (reason == Reason.DAMAGED ? "" : " " + number),
                null,
                false,
                false);
        this.reason = reason;
        this.number = number;
    }

    static VaultFormatException damaged() {
        return new VaultFormatException(Reason.DAMAGED, 0);
    }

    /** Why the bytes cannot be read. */
    public Reason reason() {
        return reason;
    }

    /** The format version or iteration count the reason speaks of; 0 for {@link Reason#DAMAGED}. */
    public long number() {
        return number;
    }
}
