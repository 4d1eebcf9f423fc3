package io.rolehop.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LongTermCredentials and TemporaryCredentials. */
class CredentialsTest {
    private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String TOKEN = "FwoGZXIvYXdzEXAMPLETOKEN+/=";
    private static final Instant EXPIRY = Instant.parse("2030-01-01T12:00:00Z");

    @Test
    void longTermCredentialsToStringShowsTheKeyIdButNeverTheSecret() {
        LongTermCredentials c = new LongTermCredentials(KEY_ID, SECRET);
        assertEquals("LongTermCredentials[accessKeyId=AKIAIOSFODNN7EXAMPLE, secretAccessKey=****]", c.toString());
        assertFalse(c.isTemporary());
    }

    @Test
    void temporaryCredentialsToStringNeverShowsSecretOrToken() {
        TemporaryCredentials c = new TemporaryCredentials("ASIAIOSFODNN7EXAMPLE", SECRET, TOKEN, EXPIRY);
        String text = c.toString();
        assertFalse(text.contains(SECRET), text);
        assertFalse(text.contains(TOKEN), text);
        assertTrue(text.contains("ASIAIOSFODNN7EXAMPLE"), text);
        assertTrue(text.contains("expiration=2030-01-01T12:00:00Z"), text);
        assertTrue(c.isTemporary());
    }

    @ParameterizedTest
    @ValueSource(strings = {"akiaiosfodnn7example", "AKIA", "AKIA-IOSFODNN7EXAMPLE", "", "AKIAIOSFODNN7EXAMPLE "})
    void malformedAccessKeyIdIsRefused(String keyId) {
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> new LongTermCredentials(keyId, SECRET));
        assertEquals(
                "invalid access key id '" + keyId + "'; expected 16 to 128 upper-case letters and digits,"
                        + " such as AKIAIOSFODNN7EXAMPLE",
                e.getMessage());
    }

    @Test
    void accessKeyIdOf16To128CharactersIsAccepted() {
        new LongTermCredentials("A".repeat(16), SECRET);
        new LongTermCredentials("A".repeat(128), SECRET);
        assertThrows(InvalidValueException.class, () -> new LongTermCredentials("A".repeat(129), SECRET));
    }

    @Test
    void missingPartsAreRequired() {
        assertEquals(
                "access key id is required",
                assertThrows(InvalidValueException.class, () -> new LongTermCredentials(null, SECRET))
                        .getMessage());
        assertEquals(
                "secret access key is required",
                assertThrows(InvalidValueException.class, () -> new LongTermCredentials(KEY_ID, null))
                        .getMessage());
        assertEquals(
                "session token is required",
                assertThrows(InvalidValueException.class, () -> new TemporaryCredentials(KEY_ID, SECRET, null, EXPIRY))
                        .getMessage());
        assertEquals(
                "expiration",
                assertThrows(NullPointerException.class, () -> new TemporaryCredentials(KEY_ID, SECRET, TOKEN, null))
                        .getMessage());
    }

    @Test
    void emptySecretIsRefused() {
        assertEquals(
                "secret access key must not be empty",
                assertThrows(InvalidValueException.class, () -> new LongTermCredentials(KEY_ID, ""))
                        .getMessage());
        assertEquals(
                "session token must not be empty",
                assertThrows(InvalidValueException.class, () -> new TemporaryCredentials(KEY_ID, SECRET, "", EXPIRY))
                        .getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret with space", "secret\nnewline", "tab\tsecret", "del\u007fsecret", "nul\u0000x"})
    void secretWithWhiteSpaceOrControlIsRefusedWithoutQuotingIt(String secret) {
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> new LongTermCredentials(KEY_ID, secret));
        assertEquals("secret access key contains white space or a control character", e.getMessage());
        assertFalse(e.getMessage().contains("secret with") || e.getMessage().contains("newline"));
    }

    @Test
    void tokenWithWhiteSpaceIsRefusedWithoutQuotingIt() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class, () -> new TemporaryCredentials(KEY_ID, SECRET, "tok en", EXPIRY));
        assertEquals("session token contains white space or a control character", e.getMessage());
    }

    @Test
    void validBeyondIsStrictlyAfterNowPlusMargin() {
        TemporaryCredentials c = new TemporaryCredentials(KEY_ID, SECRET, TOKEN, EXPIRY);
        Duration margin = Duration.ofMinutes(15);
        assertTrue(c.validBeyond(EXPIRY.minus(margin).minusSeconds(1), margin));
        assertFalse(c.validBeyond(EXPIRY.minus(margin), margin));
        assertFalse(c.validBeyond(EXPIRY.plusSeconds(1), Duration.ZERO));
        assertTrue(c.validBeyond(EXPIRY.minusSeconds(1), Duration.ZERO));
    }

    @Test
    void isExpiredFromTheExpirationInstantOn() {
        TemporaryCredentials c = new TemporaryCredentials(KEY_ID, SECRET, TOKEN, EXPIRY);
        assertFalse(c.isExpired(EXPIRY.minusMillis(1)));
        assertTrue(c.isExpired(EXPIRY));
        assertTrue(c.isExpired(EXPIRY.plusSeconds(60)));
    }
}
