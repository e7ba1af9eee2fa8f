package dev.healthrag.answer.extractive;

import dev.healthrag.retrieval.RetrievedChunk;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractiveAnswererTest {

    /** Stands in for embeddings in these unit tests: the share of the question's words a sentence uses. */
    private static final ExtractiveAnswerer.SentenceSimilarity WORD_SHARE = (question, sentences) -> {
        java.util.Set<String> asked = new java.util.HashSet<>(dev.healthrag.retrieval.Terms.of(question));
        return sentences.stream().mapToDouble(sentence -> dev.healthrag.retrieval.Terms.of(sentence).stream()
                .distinct().filter(asked::contains).count() / (double) Math.max(1, asked.size())).toArray();
    };

    private static final RetrievedChunk CRAMPS = new RetrievedChunk("cramps#0", "cramps", 0, "Causes",
            "Muscle cramps are sudden, painful contractions. Cramps during exercise are linked to fatigue of the "
                    + "muscle and to heat. The weather in the mountains was lovely that summer.",
            "Muscle cramps", "u", 0.8, 1, 1, 0.03);
    private static final RetrievedChunk WATER = new RetrievedChunk("water#0", "water", 0, "How much",
            "Most adults need about two litres of fluid a day. Drinking to thirst works for most exercise.",
            "Hydration", "u", 0.7, 2, 2, 0.02);

    @Test
    void picksTheSentencesThatAnswerTheQuestionAndCitesEach() {
        String answer = ExtractiveAnswerer.answer("What causes muscle cramps during exercise?", List.of(CRAMPS, WATER), WORD_SHARE);

        assertTrue(answer.contains("Cramps during exercise are linked to fatigue of the muscle and to heat. [1]"), answer);
        assertFalse(answer.contains("weather in the mountains"), answer);
    }

    @Test
    void keepsReadingOrderWithinASource() {
        String answer = ExtractiveAnswerer.answer("muscle cramps painful exercise", List.of(CRAMPS), WORD_SHARE);

        assertTrue(answer.indexOf("sudden, painful") < answer.indexOf("during exercise"), answer);
    }

    @Test
    void citesTheSourceEachSentenceCameFrom() {
        String answer = ExtractiveAnswerer.answer("how much fluid and what about cramps", List.of(CRAMPS, WATER), WORD_SHARE);

        assertTrue(answer.contains("two litres of fluid a day. [2]"), answer);
    }

    @Test
    void sentencesFarBelowTheBestInMeaningAreLeftOut() {
        ExtractiveAnswerer.SentenceSimilarity onlyTheFirstFits = (question, sentences) ->
                sentences.stream().mapToDouble(s -> s.startsWith("Muscle cramps are") ? 0.9 : 0.3).toArray();

        String answer = ExtractiveAnswerer.answer("anything", List.of(CRAMPS, WATER), onlyTheFirstFits);

        assertTrue(answer.startsWith("Muscle cramps are sudden, painful contractions. [1]"), answer);
        assertFalse(answer.contains("[2]"), answer);
    }

    @Test
    void splitsSentencesWithoutBreakingAbbreviationsOrDecimals() {
        List<String> sentences = ExtractiveAnswerer.sentences("Take 1.5 litres, e.g. water or milk, daily. Then rest.");

        assertTrue(sentences.get(0).contains("1.5 litres, e.g. water or milk"), sentences.toString());
    }
}
