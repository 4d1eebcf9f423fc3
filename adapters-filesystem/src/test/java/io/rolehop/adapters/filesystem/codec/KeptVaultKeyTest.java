package io.rolehop.adapters.filesystem.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeptVaultKeyTest {
    @Test
    void aKeptKeyReadsBackAsKept() {
        byte[] raw = new byte[32];
        Arrays.fill(raw, (byte) 7);
        byte[] salt = new byte[VaultHeader.SALT_BYTES];
        Arrays.fill(salt, (byte) 3);
        KeptVaultKey kept = new KeptVaultKey(
                new VaultKey(salt, VaultHeader.ITERATIONS, new SecretKeySpec(raw, "AES")),
                Instant.parse("2030-01-02T03:04:05Z"));
        KeptVaultKey read = KeptVaultKey.decode(kept.encode()).orElseThrow();
        assertEquals(kept.until(), read.until());
        assertEquals(VaultHeader.ITERATIONS, read.key().iterations());
        assertArrayEquals(salt, read.key().salt());
        assertArrayEquals(raw, read.key().key().getEncoded());
    }

    @Test
    void aPayloadNotOfOursReadsAsNoKey() {
        for (String foreign : new String[] {
            "",
            "hello",
            "rolehop-vault-key-1 600000 AAAA 1 AAAA",
            "rolehop-vault-key-2 600000 AAAA 1 " + "A".repeat(44),
            "rolehop-vault-key-1 x AAAA 1 !!",
            "rolehop-vault-key-1 600000 AAAA 99999999999999999999 AAAA"
        }) {
            assertTrue(KeptVaultKey.decode(foreign).isEmpty(), foreign);
        }
    }
}
