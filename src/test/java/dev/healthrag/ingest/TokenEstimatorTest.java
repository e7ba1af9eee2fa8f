package dev.healthrag.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenEstimatorTest {

    @Test
    void countsWordsTimesOnePointThreePlusPunctuation() {
        // 10 words -> 13, plus "," and "." -> 15
        assertEquals(15, TokenEstimator.estimate("Drink water often, and rest when your muscles feel tired."));
        // "1.5" is two number words and a dot: ceil(2 * 1.3 + 1) = 4
        assertEquals(4, TokenEstimator.estimate("1.5"));
    }

    @Test
    void countsNothingForEmptyOrBlankText() {
        assertEquals(0, TokenEstimator.estimate(""));
        assertEquals(0, TokenEstimator.estimate(null));
        assertEquals(0, TokenEstimator.estimate(" \n\t "));
    }

    @Test
    void neverCountsAJoinedTextAboveTheSumOfItsParts() {
        String a = "Hydration matters.";
        String b = "Electrolytes help too.";

        assertTrue(TokenEstimator.estimate(a + " " + b) <= TokenEstimator.estimate(a) + TokenEstimator.estimate(b));
    }
}
