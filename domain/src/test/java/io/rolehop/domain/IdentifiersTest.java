package io.rolehop.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SessionId, AccessMethodId and AccountId. */
class IdentifiersTest {

    @Test
    void randomSessionIdsAreDistinctLowerCaseUuids() {
        SessionId a = SessionId.random();
        SessionId b = SessionId.random();
        assertNotEquals(a, b);
        assertTrue(SessionId.looksLikeId(a.value()));
        assertEquals(a.value(), a.toString());
        assertEquals(a, new SessionId(a.value()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "prod",
                "3F2504E0-4F89-11D3-9A0C-0305E82C3301",
                "3f2504e04f8911d39a0c0305e82c3301",
                "3f2504e0-4f89-11d3-9a0c-0305e82c330",
                " 3f2504e0-4f89-11d3-9a0c-0305e82c3301"
            })
    void sessionIdMustBeALowerCaseUuid(String value) {
        assertFalse(SessionId.looksLikeId(value));
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new SessionId(value));
        assertEquals("invalid session id '" + value + "'; expected a UUID", e.getMessage());
    }

    @Test
    void sessionIdNullIsRequiredAndDoesNotLookLikeAnId() {
        assertFalse(SessionId.looksLikeId(null));
        assertEquals(
                "session id is required",
                assertThrows(InvalidValueException.class, () -> new SessionId(null))
                        .getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "aws-iam-role-chained", "aws-iam-user", "0x", "okta2"})
    void validAccessMethodIds(String value) {
        assertEquals(value, AccessMethodId.of(value).value());
        assertEquals(value, AccessMethodId.of(value).toString());
    }

    @Test
    void accessMethodIdOf64CharactersIsTheLongest() {
        assertEquals(64, AccessMethodId.of("m".repeat(64)).value().length());
        assertThrows(InvalidValueException.class, () -> AccessMethodId.of("m".repeat(65)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "", "AWS", "-ab", "a_b", "a b", "aws.iam", "ümlaut"})
    void invalidAccessMethodIdsAreRefused(String value) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> AccessMethodId.of(value));
        assertEquals(
                "invalid access method id '" + value + "'; expected 2 to 64 lower-case letters, digits and '-'",
                e.getMessage());
    }

    @Test
    void accessMethodIdNullIsRequired() {
        assertEquals(
                "access method id is required",
                assertThrows(InvalidValueException.class, () -> AccessMethodId.of(null))
                        .getMessage());
    }

    @Test
    void accountIdIsTwelveDigits() {
        assertEquals("000000000000", new AccountId("000000000000").toString());
        for (String bad : new String[] {"12345678901", "1234567890123", "12345678901O", ""}) {
            InvalidValueException e = assertThrows(InvalidValueException.class, () -> new AccountId(bad));
            assertEquals("invalid account id '" + bad + "'; expected 12 digits", e.getMessage());
        }
        assertEquals(
                "account id is required",
                assertThrows(InvalidValueException.class, () -> new AccountId(null))
                        .getMessage());
    }
}
