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

        assertEquals("muscle", SpellingCorrector.correct("mussle", candidates, false).orElseThrow().word());
    }

    @Test
    void adjacentSwapsCountAsOneEdit() {
        assertEquals(1, SpellingCorrector.distance("psoriasis", "psoraisis"));
    }

    @Test
    void tooDistantWordsAreNotCorrected() {
        assertTrue(SpellingCorrector.correct("clutch", List.of(new Lexicon.Entry("cramp", 3)), false).isEmpty());
    }

    @Test
    void shortWordsGetASmallerBudget() {
        assertTrue(SpellingCorrector.correct("knee", List.of(new Lexicon.Entry("kidney", 3)), false).isEmpty());
    }

    @Test
    void anEnglishWordTheArticlesLackIsNotTurnedIntoALookAlike() {
        List<Lexicon.Entry> candidates = List.of(new Lexicon.Entry("steam", 12), new Lexicon.Entry("stead", 2));

        assertTrue(SpellingCorrector.correct("steak", candidates, true).isEmpty());
        assertEquals("steam", SpellingCorrector.correct("steak", candidates, false).orElseThrow().word());
    }

    @Test
    void anEnglishWordBecomesItsOwnInflectionWhenTheArticlesUseThat() {
        List<Lexicon.Entry> candidates = List.of(new Lexicon.Entry("tremble", 4), new Lexicon.Entry("trouble", 90));

        assertEquals("tremble", SpellingCorrector.correct("trembles", candidates, true).orElseThrow().word());
        assertEquals("husbands", SpellingCorrector.correct("husband",
                List.of(new Lexicon.Entry("husbands", 3)), true).orElseThrow().word());
        assertTrue(SpellingCorrector.correct("spins", List.of(new Lexicon.Entry("spine", 40)), true).isEmpty());
    }
}
