package io.rolehop.adapters.filesystem.codec;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A vault's cryptography: the AES-256 key is PBKDF2-HMAC-SHA256 of the passphrase; the payload is sealed with
 * AES-GCM, the header authenticated as additional data. A {@link GeneralSecurityException} other than a bad tag
 * means the Java runtime lacks an algorithm.
 */
public final class VaultCrypto {
    private static final int KEY_BITS = 256;

    private VaultCrypto() {}

    /** A new header for a vault's next write: {@code salt} and {@code iterations} kept, a fresh IV. */
    public static VaultHeader nextHeader(SecureRandom random, byte[] salt, int iterations) {
        byte[] iv = new byte[VaultHeader.IV_BYTES];
        random.nextBytes(iv);
        return new VaultHeader(iterations, salt, iv);
    }

    /** A fresh salt for a new vault. */
    public static byte[] newSalt(SecureRandom random) {
        byte[] salt = new byte[VaultHeader.SALT_BYTES];
        random.nextBytes(salt);
        return salt;
    }

    /** The AES key of {@code passphrase} (not cleared here: the caller owns it). */
    public static SecretKey deriveKey(char[] passphrase, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, KEY_BITS);
        byte[] raw = null;
        try {
            raw = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
            return new SecretKeySpec(raw, "AES");
        } finally {
            spec.clearPassword();
            if (raw != null) {
                Arrays.fill(raw, (byte) 0);
            }
        }
    }

    /** The whole file: {@code header}, then {@code plain} sealed under {@code key}. */
    public static byte[] seal(SecretKey key, VaultHeader header, byte[] plain) throws GeneralSecurityException {
        byte[] head = header.encode();
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(VaultHeader.TAG_BYTES * 8, header.iv()));
        cipher.updateAAD(head);
        byte[] sealed = cipher.doFinal(plain);
        byte[] file = Arrays.copyOf(head, head.length + sealed.length);
        System.arraycopy(sealed, 0, file, head.length, sealed.length);
        return file;
    }

    /**
     * The plain payload of {@code file}, whose header is {@code header}; the caller clears it after use.
     *
     * @throws VaultFormatException (damaged) for a wrong key or a file changed since it was sealed
     */
    public static byte[] open(SecretKey key, VaultHeader header, byte[] file) throws GeneralSecurityException {
        int length = header.length();
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(VaultHeader.TAG_BYTES * 8, header.iv()));
        cipher.updateAAD(file, 0, length);
        try {
            return cipher.doFinal(file, length, file.length - length);
        } catch (AEADBadTagException e) {
            throw VaultFormatException.damaged();
        }
    }
}
