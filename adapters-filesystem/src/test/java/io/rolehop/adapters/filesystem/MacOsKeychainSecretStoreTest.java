package io.rolehop.adapters.filesystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.testing.SecretStoreContractTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The macOS keychain backend at the boundary it owns: the {@code security} command lines it runs, played by
 * {@link FakeSecurityTool}. The real keychain is out of reach on Linux CI; what this proves is that the commands are
 * the ones Apple's tool understands, that no secret is ever an argument, and that its answers are read right.
 */
class MacOsKeychainSecretStoreTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private final FakeSecurityTool security = new FakeSecurityTool();
    private final MacOsKeychainSecretStore store =
            new MacOsKeychainSecretStore(security, FakeSecurityTool.PROGRAM, "rolehop");

    /** The contract every backend passes, here through the fake {@code security}. */
    @Nested
    class Contract extends SecretStoreContractTest {
        @Override
        protected SecretStore store() {
            return store;
        }
    }

    @Test
    void valuesAreWrittenOnStdinThroughInteractiveModeNeverAsArguments() {
        store.put("session/s1/secret-access-key", SECRET);
        store.put("session/s1/large", SECRET.repeat(300));
        store.get("session/s1/secret-access-key");
        store.keys("session/");
        store.delete("session/s1/large");

        String encoded = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
        for (List<String> argv : security.argvs()) {
            String joined = String.join(" ", argv);
            assertFalse(joined.contains(SECRET) || joined.contains(encoded.substring(0, 20)), joined);
        }
        assertEquals(List.of(FakeSecurityTool.PROGRAM, "-i"), security.argvs().get(0));
        assertEquals(
                "add-generic-password -U -s \"rolehop\" -a \"session/s1/secret-access-key\" -l \"rolehop:"
                        + " session/s1/secret-access-key\" -w \"" + encoded + "\"\n",
                security.stdins().get(0));
    }

    @Test
    void readsWithFindGenericPasswordAndDeletesWithDeleteGenericPassword() {
        store.put("k", "v");
        security.argvs();

        store.get("k");
        store.delete("k");

        List<List<String>> argvs = security.argvs();
        assertTrue(
                argvs.contains(
                        List.of(FakeSecurityTool.PROGRAM, "find-generic-password", "-s", "rolehop", "-a", "k", "-w")),
                argvs.toString());
        assertTrue(
                argvs.contains(
                        List.of(FakeSecurityTool.PROGRAM, "delete-generic-password", "-s", "rolehop", "-a", "k")),
                argvs.toString());
    }

    @Test
    void everyInteractiveLineFitsAppleLineBufferEvenForTheLongestKey() {
        String longestKey = "\"\\".repeat(128);
        store.put(longestKey, "x".repeat(100_000));

        assertEquals(Optional.of("x".repeat(100_000)), store.get(longestKey));
        for (String stdin : security.stdins()) {
            assertTrue(stdin.getBytes(StandardCharsets.UTF_8).length < 4096, stdin.length() + " bytes");
        }
    }

    @Test
    void aLongValueIsSplitOverContinuationItemsThatDeleteRemoves() {
        store.put("k", "y".repeat(10_000));
        assertTrue(security.itemCount() > 1);

        assertEquals(List.of("k"), store.keys(""), "continuation items are not keys");
        assertTrue(store.delete("k"));
        assertEquals(0, security.itemCount());
    }

    @Test
    void aLockedKeychainSaysHowToUnlockItOrChooseAnotherBackend() {
        store.put("k", SECRET);
        security.lock();

        OperationFailedException e = assertThrows(OperationFailedException.class, () -> store.get("k"));

        assertEquals(
                "the macOS keychain could not read the secret 'k' (security exited with 36: security:"
                        + " SecKeychainItemCopyContent: User interaction is not allowed.); the keychain is locked or access"
                        + " was refused; unlock it with 'security unlock-keychain' (or log in), or choose another backend with"
                        + " ROLEHOP_SECRET_STORE=encrypted-file",
                e.getMessage());
        OperationFailedException put = assertThrows(OperationFailedException.class, () -> store.put("k", SECRET));
        assertFalse(put.getMessage().contains(SECRET), put.getMessage());
    }

    @Test
    void anItemRolehopDidNotWriteIsReportedNotMisread() {
        security.addRaw("rolehop", "foreign", "not base64 at all!".getBytes(StandardCharsets.UTF_8));

        OperationFailedException e = assertThrows(OperationFailedException.class, () -> store.get("foreign"));

        assertTrue(e.getMessage().contains("was not written by rolehop"), e.getMessage());
        assertFalse(e.getMessage().contains("not base64 at all"), e.getMessage());
    }

    @Test
    void itemsOfOtherServicesAreNotListed() {
        security.addRaw("com.example.other", "session/x/secret", "eA==".getBytes(StandardCharsets.UTF_8));
        security.addRaw("rolehop.part-1", "session/y/secret", "eA==".getBytes(StandardCharsets.UTF_8));
        store.put("session/z/secret", "z");

        assertEquals(List.of("session/z/secret"), store.keys("session/"));
    }

    @Test
    void theFakeSplitsLinesAsApplesParserDoes() {
        assertEquals(
                List.of("add", "a b", "c\"d", "e\\f", "g h", "i"),
                FakeSecurityTool.splitLine("  add \"a b\" \"c\\\"d\" e\\\\f 'g h' i  "));
        assertEquals("\"a\\\"b\\\\c\"", MacOsKeychainSecretStore.quote("a\"b\\c"));
        assertEquals(List.of("a\"b\\c"), FakeSecurityTool.splitLine(MacOsKeychainSecretStore.quote("a\"b\\c")));
    }

    @Test
    void toStringAndNameShowNothingSecret() {
        assertEquals("keychain", store.name());
        assertEquals("MacOsKeychainSecretStore[service=rolehop]", store.toString());
    }
}
