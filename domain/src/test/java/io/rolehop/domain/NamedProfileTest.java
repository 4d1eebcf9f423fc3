package io.rolehop.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamedProfileTest {
    private static final String RULE =
            "'; use 1 to 64 characters: a letter or digit first, then letters, digits and ._-@+";

    @ParameterizedTest
    @ValueSource(strings = {"default", "dev", "a", "9", "prod.admin@acme+1_x_y-z", "Prod-EU"})
    void validNames(String value) {
        assertEquals(value, NamedProfile.of(value).name());
        assertEquals(value, NamedProfile.of(value).toString());
    }

    @Test
    void sixtyFourCharactersIsTheLongest() {
        assertEquals(64, NamedProfile.of("p".repeat(64)).name().length());
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> NamedProfile.of("p".repeat(65)));
        assertTrue(e.getMessage().endsWith(RULE), e.getMessage());
    }

    @Test
    void iniSectionInjectionIsRefusedAndEscapedInTheMessage() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> NamedProfile.of("a]\n[b"));
        assertEquals("invalid profile name 'a]\\n[b" + RULE, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "x y",
                "#",
                ";comment",
                "",
                "[x]",
                "a]",
                "a;b",
                "a#b",
                "-x",
                ".x",
                "ü",
                "a\rb",
                "a\u0000b",
                "profile dev",
                "x=\ny"
            })
    void namesThatCouldBreakAnIniFileAreRefused(String value) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> NamedProfile.of(value));
        assertEquals("invalid profile name '" + Text.printable(value) + RULE, e.getMessage());
    }

    @Test
    void nullIsRefusedAsRequired() {
        assertEquals(
                "profile name is required",
                assertThrows(InvalidValueException.class, () -> NamedProfile.of(null))
                        .getMessage());
    }

    @Test
    void defaultProfile() {
        assertEquals(NamedProfile.of("default"), NamedProfile.DEFAULT);
        assertTrue(NamedProfile.DEFAULT.isDefault());
        assertFalse(NamedProfile.of("Default").isDefault());
    }

    @Test
    void configSectionOfTheDefaultProfileIsBare() {
        assertEquals("default", NamedProfile.DEFAULT.configSectionName());
    }

    @Test
    void configSectionOfAnotherProfileIsPrefixed() {
        assertEquals("profile dev", NamedProfile.of("dev").configSectionName());
    }

    @Test
    void anEqualsSignIsRefusedForNewNamesButStoredOnesStillRead() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> NamedProfile.of("team=prod"));
        assertEquals(
                "invalid profile name 'team=prod': the AWS SDK for Java ignores a profile whose name holds '=';"
                        + " use letters, digits and ._-@+",
                e.getMessage());
        NamedProfile stored = NamedProfile.stored("team=prod");
        assertEquals("team=prod", stored.name());
        assertFalse(stored.readableByEverySdk());
        assertTrue(NamedProfile.of("team-prod").readableByEverySdk());
        assertThrows(InvalidValueException.class, () -> NamedProfile.stored("a]\n[b"));
    }
}
