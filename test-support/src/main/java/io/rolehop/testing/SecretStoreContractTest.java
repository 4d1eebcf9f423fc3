package io.rolehop.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.port.out.SecretStore;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link SecretStore} backend passes: store, read, overwrite, delete, list by prefix, absent
 * keys, large values, unicode, and no value in {@code toString} or in an exception. Extend it with {@link #store()}
 * returning the backend under test; each test works under a prefix of its own and deletes what it wrote, so a
 * backend on a real keychain is left as it was.
 */
public abstract class SecretStoreContractTest {
    /** A value no backend may show: not in {@code toString}, not in an exception message. */
    protected static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYcontractSECRET";

    private SecretStore store;
    private String prefix;

    /** The backend under test. Called once per test. */
    protected abstract SecretStore store();

    @BeforeEach
    void openStore() {
        store = store();
        prefix = "contract/" + UUID.randomUUID() + "/";
    }

    @AfterEach
    void removeWhatWasWritten() {
        if (store != null) {
            store.keys(prefix).forEach(store::delete);
        }
    }

    /** A key of this test's own. */
    protected String key(String name) {
        return prefix + name;
    }

    @Test
    void storesAndReadsBack() {
        store.put(key("access-key-id"), "AKIAIOSFODNN7EXAMPLE");
        store.put(key("secret-access-key"), SECRET);

        assertEquals(Optional.of("AKIAIOSFODNN7EXAMPLE"), store.get(key("access-key-id")));
        assertEquals(Optional.of(SECRET), store.get(key("secret-access-key")));
    }

    @Test
    void anAbsentKeyIsEmpty() {
        assertEquals(Optional.empty(), store.get(key("never-stored")));
        assertFalse(store.delete(key("never-stored")));
        assertEquals(List.of(), store.keys(prefix));
    }

    @Test
    void putOverwrites() {
        store.put(key("k"), "first");
        store.put(key("k"), "second");

        assertEquals(Optional.of("second"), store.get(key("k")));
        assertEquals(List.of(key("k")), store.keys(prefix));
    }

    @Test
    void deleteRemovesOnlyThatKeyAndSaysWhetherItWasThere() {
        store.put(key("a"), "1");
        store.put(key("b"), "2");

        assertTrue(store.delete(key("a")));
        assertFalse(store.delete(key("a")));
        assertEquals(Optional.empty(), store.get(key("a")));
        assertEquals(Optional.of("2"), store.get(key("b")));
    }

    @Test
    void keysAreListedByPrefixSorted() {
        store.put(key("session/b/secret"), "x");
        store.put(key("session/a/secret"), "x");
        store.put(key("session/a/id"), "x");
        store.put(key("sessions-other"), "x");

        assertEquals(
                List.of(key("session/a/id"), key("session/a/secret"), key("session/b/secret")),
                store.keys(key("session/")));
        assertEquals(List.of(key("session/a/id"), key("session/a/secret")), store.keys(key("session/a/")));
        assertEquals(4, store.keys(prefix).size());
        assertEquals(List.of(), store.keys(key("nothing/")));
    }

    @Test
    void largeValuesRoundTripExactly() {
        StringBuilder large = new StringBuilder();
        for (int i = 0; large.length() < 64 * 1024; i++) {
            large.append(Integer.toString(i, 36)).append('/').append((char) ('A' + i % 26));
        }
        store.put(key("large"), large.toString());
        assertEquals(Optional.of(large.toString()), store.get(key("large")));

        // Overwriting a long value with a short one leaves nothing of the long one behind.
        store.put(key("large"), "short");
        assertEquals(Optional.of("short"), store.get(key("large")));
        assertEquals(List.of(key("large")), store.keys(prefix));
        assertTrue(store.delete(key("large")));
        assertEquals(Optional.empty(), store.get(key("large")));
    }

    @Test
    void unicodeAndAwkwardCharactersRoundTripExactly() {
        List<String> values = List.of(
                "pässwörd ✓ 秘密 🔑🗝️",
                "e\u0301 combining, \u200b zero width, \u00a0 no-break space",
                "quotes \" ' ` and backslashes \\ \\\\ and $HOME ; | & > <",
                " leading and trailing spaces ",
                "line one\nline two\r\nline three\n",
                "\ttab",
                "x".repeat(1999) + "🔑" + "y".repeat(3000),
                "");
        for (int i = 0; i < values.size(); i++) {
            store.put(key("unicode-" + i), values.get(i));
        }
        for (int i = 0; i < values.size(); i++) {
            assertEquals(Optional.of(values.get(i)), store.get(key("unicode-" + i)), "value " + i);
        }
    }

    @Test
    void keysWithEveryPrintableCharacterWork() {
        String awkward = key("a\"b'c\\d$e;f|g&h#i%j*k?l=m.n");
        store.put(awkward, SECRET);

        assertEquals(Optional.of(SECRET), store.get(awkward));
        assertEquals(List.of(awkward), store.keys(prefix));
        assertTrue(store.delete(awkward));
    }

    @Test
    void anInvalidKeyIsRefusedWithoutShowingAValue() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> store.put("white space", SECRET));
        assertFalse(String.valueOf(e.getMessage()).contains(SECRET));
        assertThrows(IllegalArgumentException.class, () -> store.get(""));
        assertThrows(IllegalArgumentException.class, () -> store.delete("x".repeat(257)));
    }

    @Test
    void nameAndToStringShowNoSecret() {
        store.put(key("secret"), SECRET);

        assertFalse(store.name().isBlank());
        assertTrue(store.name().matches("[a-z][a-z0-9-]*"), store.name());
        assertFalse(store.toString().contains(SECRET));
    }
}
