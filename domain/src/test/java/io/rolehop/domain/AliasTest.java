package io.rolehop.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AliasTest {
    private static final String RULE =
            "'; use 1 to 64 characters: a letter or digit first, then letters, digits, spaces and ._-@+=:/";

    @ParameterizedTest
    @ValueSource(strings = {"a", "7", "prod", "Prod Admin", "übersicht", "日本", "team/prod:admin@acme+1=x_y.z-w"})
    void validAliases(String value) {
        assertEquals(value, Alias.of(value).value());
        assertEquals(value, Alias.of(value).toString());
    }

    @Test
    void sixtyFourCharactersIsTheLongest() {
        assertEquals(64, Alias.of("a".repeat(64)).value().length());
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Alias.of("a".repeat(65)));
        assertEquals("invalid alias '" + Text.printable("a".repeat(65)) + RULE, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " lead", "trail ", "-dash", ".dot", "semi;colon", "#", "[x]", "quote'", "a\tb"})
    void invalidAliasesAreRefused(String value) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Alias.of(value));
        assertEquals("invalid alias '" + Text.printable(value) + RULE, e.getMessage());
    }

    @Test
    void newlineIsRefusedAndEscapedInTheMessage() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Alias.of("a\nb"));
        assertEquals("invalid alias 'a\\nb" + RULE, e.getMessage());
    }

    @Test
    void nullIsRefusedAsRequired() {
        assertEquals(
                "alias is required",
                assertThrows(InvalidValueException.class, () -> Alias.of(null)).getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0b7e4f0e-6d1c-4c52-9a57-1f3c2b8d9e10",
                "0B7E4F0E-6D1C-4C52-9A57-1F3C2B8D9E10",
                "00000000-0000-0000-0000-000000000000"
            })
    void aliasesShapedLikeSessionIdsAreRefusedButStoredOnesStillRead(String value) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Alias.of(value));
        assertEquals(
                "invalid alias '" + value + "': it is shaped like a session id (a UUID), which names sessions in"
                        + " credential_process lines; choose another alias",
                e.getMessage());
        Alias stored = Alias.stored(value);
        assertEquals(value, stored.value());
        assertEquals(true, stored.looksLikeId());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0b7e4f0e-6d1c-4c52-9a57-1f3c2b8d9e1",
                "0b7e4f0e-6d1c-4c52-9a57-1f3c2b8d9e10x",
                "team-0b7e4f0e-6d1c-4c52-9a57-1f3c2b8d9e10",
                "0b7e4f0e6d1c4c529a571f3c2b8d9e10"
            })
    void aliasesThatMerelyContainHexAreFine(String value) {
        assertEquals(false, Alias.of(value).looksLikeId());
    }

    @Test
    void storedAliasesFollowTheOtherRules() {
        assertThrows(InvalidValueException.class, () -> Alias.stored("semi;colon"));
        assertEquals(Alias.of("prod"), Alias.stored("prod"));
    }

    @Test
    void aliasesAreCaseSensitive() {
        assertNotEquals(Alias.of("Prod"), Alias.of("prod"));
    }
}
