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
        assertEquals("alias is required", assertThrows(InvalidValueException.class, () -> Alias.of(null)).getMessage());
    }

    @Test
    void aliasesAreCaseSensitive() {
        assertNotEquals(Alias.of("Prod"), Alias.of("prod"));
    }
}
