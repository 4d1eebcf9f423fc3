package io.rolehop.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoleSessionNameTest {
    private static final Pattern STS_RULE = Pattern.compile("[\\w+=,.@-]{2,64}");

    @ParameterizedTest
    @ValueSource(strings = {"ab", "jane.doe@example.com", "a+b=c,d.e_f-g", "ROLEHOP_01"})
    void validNames(String value) {
        assertEquals(value, RoleSessionName.of(value).value());
    }

    @Test
    void sixtyFourCharactersIsTheLongest() {
        assertEquals(64, RoleSessionName.of("n".repeat(64)).value().length());
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> RoleSessionName.of("n".repeat(65)));
        assertTrue(e.getMessage().endsWith("'; use 2 to 64 characters of letters, digits and +=,.@_-"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "", "has space", "slash/name", "colon:name", "ünïcode", "tab\tname"})
    void invalidNamesAreRefused(String value) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> RoleSessionName.of(value));
        assertEquals(
                "invalid role session name '" + Text.printable(value)
                        + "'; use 2 to 64 characters of letters, digits and +=,.@_-",
                e.getMessage());
    }

    @Test
    void nullIsRefusedAsRequired() {
        assertEquals(
                "role session name is required",
                assertThrows(InvalidValueException.class, () -> RoleSessionName.of(null))
                        .getMessage());
    }

    @Test
    void derivedFromASimpleAliasIsPrefixed() {
        assertEquals(
                "rolehop-prod", RoleSessionName.derivedFrom(Alias.of("prod")).value());
    }

    @Test
    void derivedFromAOneCharacterAliasIsLongEnough() {
        assertEquals("rolehop-x", RoleSessionName.derivedFrom(Alias.of("x")).value());
    }

    @Test
    void derivedNameReplacesEveryDisallowedCharacterWithADash() {
        assertEquals(
                "rolehop-Prod-Admin-team-eu",
                RoleSessionName.derivedFrom(Alias.of("Prod Admin:team/eu")).value());
    }

    @Test
    void derivedNameKeepsAllowedPunctuation() {
        assertEquals(
                "rolehop-a.b@c+d=e_f-g",
                RoleSessionName.derivedFrom(Alias.of("a.b@c+d=e_f-g")).value());
    }

    @Test
    void derivedNameReplacesNonAsciiLetters() {
        assertEquals(
                "rolehop--bersicht",
                RoleSessionName.derivedFrom(Alias.of("übersicht")).value());
    }

    @Test
    void derivedNameOfALongAliasIsCutTo64() {
        RoleSessionName name = RoleSessionName.derivedFrom(Alias.of("a".repeat(64)));
        assertEquals(64, name.value().length());
        assertEquals("rolehop-" + "a".repeat(56), name.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "z z", "日本語", "a/b:c d", "Ünï Cödé", "𝒜lpha"})
    void derivedNameAlwaysSatisfiesTheStsRule(String alias) {
        assertTrue(STS_RULE.matcher(RoleSessionName.derivedFrom(Alias.of(alias)).value())
                .matches());
    }
}
