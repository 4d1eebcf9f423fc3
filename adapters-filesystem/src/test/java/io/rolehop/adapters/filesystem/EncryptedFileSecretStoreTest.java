package io.rolehop.adapters.filesystem;

import static io.rolehop.adapters.filesystem.TestFiles.bytes;
import static io.rolehop.adapters.filesystem.TestFiles.mode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.InteractionRequiredException;
import io.rolehop.application.OperationFailedException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileSecretStoreTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @TempDir
    Path dir;

    private Path vault() {
        return dir.resolve("home/secrets.vault");
    }

    /** A passphrase source that counts how often it is asked. */
    private static final class Counting implements PassphraseSource {
        private final String passphrase;
        final AtomicInteger asked = new AtomicInteger();

        Counting(String passphrase) {
            this.passphrase = passphrase;
        }

        @Override
        public Optional<char[]> passphrase() {
            asked.incrementAndGet();
            return Optional.of(passphrase.toCharArray());
        }
    }

    @Test
    void roundTripsThroughANewInstanceAskingThePassphraseOncePerInstance() {
        Counting first = new Counting("correct horse battery staple");
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(vault(), first);
        store.put("session/1/secretAccessKey", SECRET);
        store.put("session/1/mfaSerial", "arn:aws:iam::123456789012:mfa/me");
        assertEquals(Optional.of(SECRET), store.get("session/1/secretAccessKey"));
        assertEquals(1, first.asked.get());

        Counting second = new Counting("correct horse battery staple");
        EncryptedFileSecretStore reopened = new EncryptedFileSecretStore(vault(), second);
        assertEquals(Optional.of(SECRET), reopened.get("session/1/secretAccessKey"));
        assertEquals(Optional.empty(), reopened.get("session/2/secretAccessKey"));
        reopened.put("session/2/secretAccessKey", "other");
        assertEquals(1, second.asked.get());
        assertEquals("encrypted-file", reopened.name());
    }

    @Test
    void anUnusedOrMissingVaultNeverAsksForThePassphrase() {
        Counting source = new Counting("unused");
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(vault(), source);

        assertEquals(Optional.empty(), store.get("session/1/x"));
        assertEquals(List.of(), store.keys("session/"));
        assertFalse(store.delete("session/1/x"));

        assertEquals(0, source.asked.get());
        assertFalse(Files.exists(vault().getParent()));
    }

    @Test
    void theFileIs0600InADirectory0700AndNeverHoldsASecretOrAKeyInClear() {
        String unicode = "pässwörd-🔑-秘密";
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(vault(), new Counting("pw"));
        store.put("session/abc/secretAccessKey", SECRET);
        store.put("session/abc/unicode", unicode);

        byte[] file = bytes(vault());
        assertEquals("rw-------", mode(vault()));
        assertEquals("rwx------", mode(vault().getParent()));
        for (String clear : List.of(SECRET, "wJalrXUtnFEMI", unicode, "session/abc", "secretAccessKey")) {
            assertFalse(contains(file, clear.getBytes(StandardCharsets.UTF_8)), clear + " is in the file in clear");
            assertFalse(contains(file, clear.getBytes(StandardCharsets.UTF_16BE)), clear + " is in the file (UTF-16)");
        }
        assertArrayEquals("RHVAULT".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(file, 7));
        assertEquals(1, file[7]);
        assertEquals(1, file[8]);
        assertTrue(ByteBuffer.wrap(file, 9, 4).getInt() >= 210_000);
        assertEquals(16, file[13]);
        assertEquals(12, file[14 + 16]);
    }

    @Test
    void aWrongPassphraseIsReportedWithoutLeakingAnything() {
        new EncryptedFileSecretStore(vault(), new Counting("right")).put("k", SECRET);

        var e = assertThrows(
                OperationFailedException.class,
                () -> new EncryptedFileSecretStore(vault(), new Counting("wrong")).get("k"));

        assertEquals("cannot open the secret store " + vault() + ": wrong passphrase or damaged file", e.getMessage());
        assertThrows(
                OperationFailedException.class,
                () -> new EncryptedFileSecretStore(vault(), new Counting("wrong")).put("k", "x"));
        assertEquals(Optional.of(SECRET), new EncryptedFileSecretStore(vault(), new Counting("right")).get("k"));
    }

    @Test
    void aDamagedFileIsReportedLikeAWrongPassphrase() throws Exception {
        new EncryptedFileSecretStore(vault(), new Counting("pw")).put("k", SECRET);
        byte[] file = bytes(vault());
        String expected = "cannot open the secret store " + vault() + ": wrong passphrase or damaged file";

        byte[] flipped = file.clone();
        flipped[flipped.length - 20] ^= 1;
        Files.write(vault(), flipped);
        assertEquals(
                expected,
                assertThrows(
                                OperationFailedException.class,
                                () -> new EncryptedFileSecretStore(vault(), new Counting("pw")).get("k"))
                        .getMessage());

        byte[] header = file.clone();
        header[20] ^= 1; // inside the salt: a different key
        Files.write(vault(), header);
        assertEquals(
                expected,
                assertThrows(
                                OperationFailedException.class,
                                () -> new EncryptedFileSecretStore(vault(), new Counting("pw")).get("k"))
                        .getMessage());

        Files.write(vault(), Arrays.copyOf(file, 30));
        assertEquals(
                expected,
                assertThrows(
                                OperationFailedException.class,
                                () -> new EncryptedFileSecretStore(vault(), new Counting("pw")).get("k"))
                        .getMessage());

        Files.writeString(vault(), "not a vault at all");
        assertEquals(
                expected,
                assertThrows(
                                OperationFailedException.class,
                                () -> new EncryptedFileSecretStore(vault(), new Counting("pw")).get("k"))
                        .getMessage());

        byte[] weak = file.clone();
        ByteBuffer.wrap(weak).putInt(9, 1000);
        Files.write(vault(), weak);
        assertEquals(
                expected,
                assertThrows(
                                OperationFailedException.class,
                                () -> new EncryptedFileSecretStore(vault(), new Counting("pw")).get("k"))
                        .getMessage());

        byte[] newer = file.clone();
        newer[7] = 2;
        Files.write(vault(), newer);
        var e = assertThrows(
                OperationFailedException.class,
                () -> new EncryptedFileSecretStore(vault(), new Counting("pw")).get("k"));
        assertTrue(e.getMessage().contains("written by a newer rolehop"), e.getMessage());
    }

    @Test
    void aPlantedIterationCountIsRefusedInOneLineBeforeAnyKeyIsDerived() throws Exception {
        new EncryptedFileSecretStore(vault(), new Counting("pw")).put("k", SECRET);
        byte[] planted = bytes(vault());
        ByteBuffer.wrap(planted).putInt(9, 100_000_000);
        Files.write(vault(), planted);
        Counting asked = new Counting("pw");

        var e = assertThrows(
                OperationFailedException.class, () -> new EncryptedFileSecretStore(vault(), asked).get("k"));

        assertEquals(
                "cannot open the secret store " + vault() + ": it asks for 100000000 PBKDF2 iterations, more than"
                        + " the " + EncryptedFileSecretStore.MAX_ITERATIONS
                        + " rolehop accepts; the file is damaged or was"
                        + " replaced: restore it from a backup",
                e.getMessage());
        assertEquals(0, asked.asked.get(), "refused before the passphrase is asked or a key derived");
        assertArrayEquals(planted, bytes(vault()), "the file is left alone");
    }

    @Test
    void withoutAPassphraseItAsksForInteraction() {
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(vault(), Optional::empty);

        var e = assertThrows(InteractionRequiredException.class, () -> store.put("k", "v"));

        assertTrue(
                e.getMessage().contains("ROLEHOP_VAULT_PASSPHRASE")
                        && e.getMessage().contains("terminal"),
                e.getMessage());
        assertFalse(Files.exists(vault()));
    }

    @Test
    void overwritesDeletesAndListsKeysByPrefix() {
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(vault(), new Counting("pw"));
        store.put("session/b/secret", "1");
        store.put("session/a/secret", "2");
        store.put("session/a/mfa", "3");
        store.put("other/x", "4");
        store.put("session/a/secret", "22");

        assertEquals(Optional.of("22"), store.get("session/a/secret"));
        assertEquals(List.of("session/a/mfa", "session/a/secret", "session/b/secret"), store.keys("session/"));
        assertEquals(List.of("session/a/mfa", "session/a/secret"), store.keys("session/a/"));
        assertEquals(List.of("other/x", "session/a/mfa", "session/a/secret", "session/b/secret"), store.keys(""));

        assertTrue(store.delete("session/a/secret"));
        assertFalse(store.delete("session/a/secret"));
        assertEquals(Optional.empty(), store.get("session/a/secret"));
        assertEquals(
                List.of("session/a/mfa", "session/b/secret"),
                new EncryptedFileSecretStore(vault(), new Counting("pw")).keys("session/"));
    }

    @Test
    void keepsLargeAndUnicodeValuesExactly() {
        String large = "x".repeat(1_000_000) + "end";
        String unicode = "ключ — 🔑 — 鍵 — \u0000 — \t\n";
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(vault(), new Counting("pässphrase 🔑"));
        store.put("large", large);
        store.put("unicode", unicode);
        store.put("empty", "");

        EncryptedFileSecretStore reopened = new EncryptedFileSecretStore(vault(), new Counting("pässphrase 🔑"));
        assertEquals(Optional.of(large), reopened.get("large"));
        assertEquals(Optional.of(unicode), reopened.get("unicode"));
        assertEquals(Optional.of(""), reopened.get("empty"));
    }

    @Test
    void everyWriteUsesAFreshIvAndKeepsTheSalt() {
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(vault(), new Counting("pw"));
        store.put("k", "v");
        byte[] first = bytes(vault());
        store.put("k", "v");
        byte[] second = bytes(vault());

        assertArrayEquals(Arrays.copyOfRange(first, 0, 30), Arrays.copyOfRange(second, 0, 30));
        assertFalse(Arrays.equals(Arrays.copyOfRange(first, 31, 43), Arrays.copyOfRange(second, 31, 43)));
    }

    @Test
    void rejectsKeysOutsideTheContract() {
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(vault(), new Counting("pw"));
        assertThrows(IllegalArgumentException.class, () -> store.get("with space"));
        assertThrows(IllegalArgumentException.class, () -> store.put("", "v"));
        assertThrows(IllegalArgumentException.class, () -> store.put("k".repeat(257), "v"));
        assertThrows(IllegalArgumentException.class, () -> store.put("naïve", "v"));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
