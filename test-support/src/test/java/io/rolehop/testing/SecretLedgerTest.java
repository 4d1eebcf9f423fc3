package io.rolehop.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The ledger finds a registered secret in a transcript, names the run, and never shows the secret. */
class SecretLedgerTest {

    @Test
    void aSecretInARunsOutputIsALeakNamingTheRunButNotTheSecret() {
        SecretLedger.leaks();
        String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYLEDGERTEST";
        SecretLedger.secret(secret);
        SecretLedger.transcript("rolehop session list", "alias  method\nme     aws-iam-user\n");
        SecretLedger.transcript("rolehop session start me", "oops: " + secret + "\n");

        List<String> leaks = SecretLedger.leaks();

        assertEquals(1, leaks.size(), leaks::toString);
        assertTrue(
                leaks.get(0).startsWith("rolehop session start me printed the secret of length 40"), leaks::toString);
        assertFalse(leaks.get(0).contains(secret.substring(2)), "the report does not show the secret");
        assertEquals(List.of(), SecretLedger.leaks(), "each transcript is checked once");
    }
}
