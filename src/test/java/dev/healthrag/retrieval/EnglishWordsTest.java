package dev.healthrag.retrieval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnglishWordsTest {

    private final EnglishWords words = EnglishWords.load();

    @Test
    void everydayWordsSpeltRightAreKnown() {
        assertTrue(words.contains("steak"));
        assertTrue(words.contains("husband"));
        assertTrue(words.contains("flashlight"));
    }

    @Test
    void misspellingsAndTheFileHeaderAreNot() {
        assertFalse(words.contains("psoriasus"));
        assertFalse(words.contains("nuemonia"));
        assertFalse(words.contains("# correctly spelt english words"));
    }
}
