package dev.healthrag.retrieval;

import dev.healthrag.TestArticles;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.ingest.Ingestor;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The dense search uses the vector of the text the analysis made, whether the retriever embedded the message as
 * typed beside the analysis (one question at a time leaves a core free) or afterwards.
 */
@QuarkusTest
class QueryVectorTest {

    private static final float TOLERANCE = 1e-6f;

    @Inject
    HybridContentRetriever retriever;

    @Inject
    Embedder embedder;

    @Inject
    Ingestor ingestor;

    @BeforeEach
    void givenTheFixtureArticlesAreIndexed() {
        TestArticles.ingest(ingestor);
    }

    @Test
    void aQuestionTheAnalysisLeavesAsTypedIsSearchedWithTheVectorOfItsText() {
        String typed = "how long does an ankle sprain take to heal";

        Retrieval retrieval = retriever.retrieveExplained(new RetrievalRequest(typed, RetrievalMode.HYBRID, 5));

        assertEquals(typed, retrieval.query().denseText());
        assertArrayEquals(embedder.embedQuery(typed), retrieval.queryVector(), TOLERANCE);
        assertFalse(retrieval.chunks().isEmpty());
    }

    @Test
    void aQuestionTheAnalysisCorrectsIsSearchedWithTheVectorOfTheCorrectedText() {
        String typed = "mussle twiching after workouts";

        Retrieval retrieval = retriever.retrieveExplained(new RetrievalRequest(typed, RetrievalMode.HYBRID, 5));

        String analysed = retrieval.query().denseText();
        assertNotEquals(typed, analysed);
        assertArrayEquals(embedder.embedQuery(analysed), retrieval.queryVector(), TOLERANCE);
        assertFalse(Arrays.equals(embedder.embedQuery(typed), retrieval.queryVector()),
                "the vector of the message as typed must not be searched once the analysis changed the text");
    }
}
