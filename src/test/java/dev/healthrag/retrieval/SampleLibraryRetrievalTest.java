package dev.healthrag.retrieval;

import dev.healthrag.TestArticles;
import dev.healthrag.eval.EvalQuestion;
import dev.healthrag.eval.RankingMetrics;
import dev.healthrag.ingest.IngestOptions;
import dev.healthrag.ingest.Ingestor;
import dev.healthrag.store.SearchFilter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project's own evaluation set (ingest/questions.jsonl over ingest/articles) with floors a
 * retrieval regression would break. Measured: hybrid Recall@5 1.000, MRR@10 0.96 (./healthrag eval ingest).
 */
@QuarkusTest
class SampleLibraryRetrievalTest {

    private static final Path SAMPLE = Path.of("ingest");

    @Inject
    Ingestor ingestor;

    @Inject
    HybridContentRetriever retriever;

    @AfterEach
    void putTheFixtureLibraryBack() {
        TestArticles.ingest(ingestor, TestArticles.FIXTURES, new IngestOptions(false, true));
    }

    @Test
    void hybridRetrievalStaysAboveItsFloorsOnTheSampleQuestions() throws IOException {
        // Alone in the index, as `./healthrag eval ingest` measures it.
        TestArticles.ingest(ingestor, SAMPLE.resolve("articles"), new IngestOptions(false, true));
        List<EvalQuestion> questions = EvalQuestion.read(SAMPLE.resolve("questions.jsonl"));

        RankingMetrics metrics = new RankingMetrics();
        for (EvalQuestion question : questions) {
            List<RetrievedChunk> chunks = retriever.retrieve(
                    new RetrievalRequest(question.question(), RetrievalMode.HYBRID, 30, SearchFilter.NONE));
            metrics.add(RankingMetrics.rankedArticles(chunks), question.relevant(), 0);
        }
        RankingMetrics.Summary summary = metrics.summary();

        assertTrue(questions.size() >= 40, "the set keeps its size");
        assertTrue(summary.recallAt5() >= 0.95, summary.toString());
        assertTrue(summary.mrrAt10() >= 0.90, summary.toString());
        assertTrue(summary.recallAt1() >= 0.85, summary.toString());
    }
}
