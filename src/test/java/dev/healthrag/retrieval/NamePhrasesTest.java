package dev.healthrag.retrieval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamePhrasesTest {

    @Test
    void longTitlesThatStartWithSmallWordsAreCandidates() {
        List<String> phrases = QueryAnalyzer.namePhrases("What causes What I need to know about Crohn's Disease ?",
                Map.of(), List.of());

        assertTrue(phrases.contains("what i need to know about crohns disease"), phrases.toString());
        assertTrue(phrases.contains("crohns disease"));
    }

    @Test
    void phrasesOfSmallWordsOnlyAreNot() {
        List<String> phrases = QueryAnalyzer.namePhrases("what is it about", Map.of(), List.of());

        assertTrue(phrases.isEmpty(), phrases.toString());
    }

    @Test
    void correctionsAndClinicalTermsAreLookedUpToo() {
        List<String> phrases = QueryAnalyzer.namePhrases("pink eye or nuemonia", Map.of("nuemonia", "pneumonia"),
                List.of("conjunctivitis"));

        assertTrue(phrases.contains("pneumonia"));
        assertTrue(phrases.contains("conjunctivitis"));
        assertFalse(phrases.contains("nuemonia"));
    }

    @Test
    void aPossessiveIsLookedUpWithAndWithoutIt() {
        List<String> phrases = QueryAnalyzer.namePhrases("my cousin has Leber’s amaurosis", Map.of(), List.of());

        assertTrue(phrases.contains("lebers amaurosis"), phrases.toString());
        assertTrue(phrases.contains("leber amaurosis"), phrases.toString());
    }
}
