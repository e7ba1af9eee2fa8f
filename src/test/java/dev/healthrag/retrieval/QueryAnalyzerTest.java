package dev.healthrag.retrieval;

import dev.healthrag.TestArticles;
import dev.healthrag.ingest.Ingestor;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against the fixture library's vocabulary in the real lexicon table. */
@QuarkusTest
class QueryAnalyzerTest {

    @Inject
    QueryAnalyzer analyzer;

    @Inject
    Ingestor ingestor;

    @BeforeEach
    void givenTheFixtureArticlesAreIndexed() {
        TestArticles.ingest(ingestor);
    }

    @Test
    void misspeltWordsAreCorrectedAgainstTheCorpusVocabulary() {
        AnalyzedQuery query = analyzer.analyze("mussle twiching after workouts");

        assertEquals("muscle", query.corrections().get("mussle"));
        assertTrue(query.corrections().get("twiching").startsWith("twitch"), query.corrections().toString());
        assertTrue(query.denseText().contains("muscle"));
    }

    @Test
    void knownWordsAreLeftAlone() {
        assertTrue(analyzer.analyze("ankle sprain swelling").corrections().isEmpty());
    }

    @Test
    void everydayWordsSpeltRightAreNotCorrectedToCorpusLookAlikes() {
        // "steak" is one edit from the articles' "speak"
        assertTrue(analyzer.analyze("ate a steak and my stomach hurts").corrections().isEmpty());
    }

    @Test
    void contractionsAndLayWordsAreNotCorrected() {
        // The articles spell "havent" as "have" + "nt" and lack "copd", which is one edit from their "cold".
        AnalyzedQuery query = analyzer.analyze("i havent felt right since my copd got worse");

        assertTrue(query.corrections().isEmpty(), query.corrections().toString());
        assertTrue(query.expansions().contains("chronic obstructive pulmonary disease"), query.expansions().toString());
    }

    @Test
    void aLongMessageSearchesUpToSixteenOfItsWords() {
        // given a rambling message with more than sixteen distinct words the articles use
        String message = "after running in the heat my ankle had swelling, my calf muscle had a cramp and my knee hurt; "
                + "I drink water for hydration and electrolytes, sweat a lot, stretch after exercise, "
                + "and worry about my kidneys, blisters, sprain, fatigue and dizziness, pain, rest, ice and recovery";

        List<AnalyzedQuery.WeightedTerm> terms = analyzer.analyze(message).lexicalTerms();

        // then rarer words alone do not crowd the rest out at ten
        assertEquals(16, terms.size(), terms.toString());
    }

    @Test
    void layWordsBringTheirClinicalTerms() {
        AnalyzedQuery query = analyzer.analyze("I keep getting a charley horse at night");

        assertTrue(query.expansions().contains("muscle cramp"), query.expansions().toString());
        assertTrue(query.lexicalTerms().stream().anyMatch(t -> t.term().equals("cramp")), query.lexicalTerms().toString());
    }

    @Test
    void rarerWordsWeighMore() {
        List<AnalyzedQuery.WeightedTerm> terms = analyzer.analyze("ankle and the knee").lexicalTerms();

        assertFalse(terms.isEmpty());
        for (int i = 1; i < terms.size(); i++) {
            assertTrue(terms.get(i - 1).idf() >= terms.get(i).idf(), terms.toString());
        }
    }
}
