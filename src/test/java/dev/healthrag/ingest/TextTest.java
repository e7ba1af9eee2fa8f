package dev.healthrag.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void collapseRemovesZeroWidthAndBidiControlCharactersAndCountsThem() {
        // given: zero-width space and joiner inside words, a right-to-left override and its pop
        String raw = "Take iron\u200B with vita\u200Dmin C. \u202Eexample\u202C";
        // when
        String collapsed = Text.collapse(raw);
        // then
        assertEquals("Take iron with vitamin C. example", collapsed);
        assertEquals(4, Text.hidingCharacters(raw));
    }

    @Test
    void collapseRemovesUnicodeTagCharactersThatSpellHiddenAsciiText() {
        // given: "hi" written in tag characters (U+E0068, U+E0069) after a visible sentence
        String raw = "Drink water." + new String(Character.toChars(0xE0068)) + new String(Character.toChars(0xE0069));
        // when
        String collapsed = Text.collapse(raw);
        // then
        assertEquals("Drink water.", collapsed);
        assertEquals(2, Text.hidingCharacters(raw));
    }

    @Test
    void softHyphensAreRemovedButNotCountedAsHiding() {
        String raw = "hemo\u00ADglobin";

        assertEquals("hemoglobin", Text.collapse(raw));
        assertEquals(0, Text.hidingCharacters(raw));
    }
}
