package dev.healthrag.retrieval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryWordsTest {

    @Test
    void notContractionsStayOneWordAndAreStopWords() {
        List<String> words = QueryAnalyzer.words("He couldn't breathe, wasn’t hit and can't sleep");

        assertEquals(List.of("he", "couldnt", "breathe", "wasnt", "hit", "and", "cant", "sleep"), words);
        assertTrue(Terms.isStopWord("couldnt") && Terms.isStopWord("wasnt") && Terms.isStopWord("cant"));
    }

    @Test
    void otherApostrophesStillSplit() {
        assertEquals(List.of("alzheimer", "disease", "ve", "had"), QueryAnalyzer.words("Alzheimer's disease, I've had"));
    }
}
