package io.rolehop.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void nullIsShownAsNull() {
        assertEquals("null", Text.printable(null));
    }

    @Test
    void plainTextIsUnchanged() {
        String plain = "arn:aws:iam::123456789012:role/Prod Admin ü";
        assertEquals(plain, Text.printable(plain));
    }

    @Test
    void lineBreaksAndTabsAreEscaped() {
        assertEquals("a\\nb\\rc\\td", Text.printable("a\nb\rc\td"));
    }

    @Test
    void otherControlCharactersAreEscapedAsUnicode() {
        assertEquals("a\\u0000b\\u001bc\\u007fd\\u0085e", Text.printable("a\u0000b\u001bc\u007fd\u0085e"));
    }

    @Test
    void unicodeLineSeparatorsAndBidiOverridesAreEscaped() {
        assertEquals("a\\u2028b\\u2029c\\u202ed\\u200be", Text.printable("a\u2028b\u2029c\u202Ed\u200Be"));
    }

    @Test
    void eightyCharactersAreShownWhole() {
        String eighty = "x".repeat(80);
        assertEquals(eighty, Text.printable(eighty));
    }

    @Test
    void longerValuesAreCutWithAnEllipsis() {
        assertEquals("x".repeat(80) + "...", Text.printable("x".repeat(81)));
        assertEquals("x".repeat(80) + "...", Text.printable("x".repeat(10_000)));
    }

    @Test
    void shortValueLengthenedByEscapesIsMarkedAsCut() {
        // 50 newlines escape to 100 characters: only 40 fit, and the reader must see that some were dropped.
        String printed = Text.printable("\n".repeat(50));
        assertEquals("\\n".repeat(40) + "...", printed);
    }

    @Test
    void resultNeverContainsALineBreak() {
        String printed = Text.printable("first\nsecond\r\nthird\u2028fourth\u0085fifth");
        assertTrue(printed.chars().noneMatch(c -> c == '\n' || c == '\r' || c == 0x2028 || c == 0x85), printed);
    }
}
