package dev.healthrag.answer;

import dev.healthrag.retrieval.RetrievedChunk;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractiveAnswererTest {

    private static final RetrievedChunk CRAMPS = new RetrievedChunk("cramps#0", "cramps", 0, "Causes",
            "Muscle cramps are sudden, painful contractions. Cramps during exercise are linked to fatigue of the "
                    + "muscle and to heat. The weather in the mountains was lovely that summer.",
            "Muscle cramps", "u", 0.8, 1, 1, 0.03);
    private static final RetrievedChunk WATER = new RetrievedChunk("water#0", "water", 0, "How much",
            "Most adults need about two litres of fluid a day. Drinking to thirst works for most exercise.",
            "Hydration", "u", 0.7, 2, 2, 0.02);

    @Test
    void picksTheSentencesThatAnswerTheQuestionAndCitesEach() {
        String answer = ExtractiveAnswerer.answer("What causes muscle cramps during exercise?", List.of(CRAMPS, WATER));

        assertTrue(answer.contains("Cramps during exercise are linked to fatigue of the muscle and to heat. [1]"), answer);
        assertFalse(answer.contains("weather in the mountains"), answer);
    }

    @Test
    void keepsReadingOrderWithinASource() {
        String answer = ExtractiveAnswerer.answer("muscle cramps painful exercise", List.of(CRAMPS));

        assertTrue(answer.indexOf("sudden, painful") < answer.indexOf("during exercise"), answer);
    }

    @Test
    void citesTheSourceEachSentenceCameFrom() {
        String answer = ExtractiveAnswerer.answer("how much fluid and what about cramps", List.of(CRAMPS, WATER));

        assertTrue(answer.contains("two litres of fluid a day. [2]"), answer);
    }

    @Test
    void splitsSentencesWithoutBreakingAbbreviationsOrDecimals() {
        List<String> sentences = ExtractiveAnswerer.sentences("Take 1.5 litres, e.g. water or milk, daily. Then rest.");

        assertTrue(sentences.get(0).contains("1.5 litres, e.g. water or milk"), sentences.toString());
    }
}
