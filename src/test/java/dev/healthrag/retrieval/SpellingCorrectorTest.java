package dev.healthrag.retrieval;

import dev.healthrag.store.Lexicon;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpellingCorrectorTest {

    @Test
    void picksTheCandidateWithTheFewestEdits() {
        List<Lexicon.Entry> candidates = List.of(new Lexicon.Entry("mussel", 1), new Lexicon.Entry("muscle", 40));

        assertEquals("muscle", SpellingCorrector.correct("mussle", candidates).orElseThrow().word());
    }

    @Test
    void adjacentSwapsCountAsOneEdit() {
        assertEquals(1, SpellingCorrector.distance("psoriasis", "psoraisis"));
    }

    @Test
    void tooDistantWordsAreNotCorrected() {
        assertTrue(SpellingCorrector.correct("clutch", List.of(new Lexicon.Entry("cramp", 3))).isEmpty());
    }

    @Test
    void shortWordsGetASmallerBudget() {
        assertTrue(SpellingCorrector.correct("knee", List.of(new Lexicon.Entry("kidney", 3))).isEmpty());
    }
}
