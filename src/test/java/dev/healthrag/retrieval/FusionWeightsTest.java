package dev.healthrag.retrieval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FusionWeightsTest {

    @Test
    void givenANegativeArticleWeight_whenTaken_thenItIsRefusedNamingTheKeyRatherThanSilentlyTurnedOff() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new FusionWeights(1, 1, 1, 0, 0, -2, 0));

        assertTrue(refused.getMessage().startsWith("healthrag.retrieval.article-weight must be"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("not -2.0"), refused.getMessage());
    }

    @Test
    void givenNaNOrInfinity_whenTakenForAnyList_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FusionWeights(Double.NaN, 1, 1, 0, 0, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new FusionWeights(1, Double.POSITIVE_INFINITY, 1, 0, 0, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new FusionWeights(1, 1, -0.5, 0, 0, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new FusionWeights(1, 1, 1, -1, 0, 2, 0));
    }

    @Test
    void givenAnInfiniteSearchQueryWeight_whenTaken_thenItIsRefusedNamingItsKey() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new FusionWeights(1, 1, 1, 0, 0, 2, Double.POSITIVE_INFINITY));

        assertTrue(refused.getMessage().startsWith("healthrag.llm.search-query.weight must be"), refused.getMessage());
    }

    @Test
    void givenANegativeQuestionWeight_whenTaken_thenItIsRefusedNamingItsKey() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new FusionWeights(1, 1, 1, 0, -0.5, 2, 0));

        assertTrue(refused.getMessage().startsWith("healthrag.retrieval.question-weight must be"), refused.getMessage());
    }

    @Test
    void givenZeroForTheOptionalLists_whenTaken_thenAccepted() {
        FusionWeights weights = new FusionWeights(1, 1, 1, 0, 0, 0, 0);

        assertEquals(0, weights.subject());
        assertEquals(0, weights.article());
    }
}
