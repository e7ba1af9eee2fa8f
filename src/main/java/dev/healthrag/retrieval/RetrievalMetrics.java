package dev.healthrag.retrieval;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.TimeUnit;

/**
 * Where each retrieval's time goes, on /q/metrics as healthrag.retrieval.stage{stage}, for every channel that
 * retrieves (search, chat, bots): query_vector (the analysis and the query's embedding, which overlap while a
 * core is free, until the vector is ready; an alternative query's too when there is one), searches (the
 * first-stage searches, dense and word batches at once), article_rerank (the leading articles' chunk vectors, from
 * memory or compared in the database, and the fusion redone) and chunk_texts (the chosen chunks' texts, titles
 * and URLs). Fusion and diversifying take microseconds and fall in the stage they follow.
 */
@ApplicationScoped
public class RetrievalMetrics {

    private final Timer queryVector;
    private final Timer searches;
    private final Timer articleRerank;
    private final Timer chunkTexts;

    public RetrievalMetrics(MeterRegistry registry) {
        this.queryVector = timer(registry, "query_vector");
        this.searches = timer(registry, "searches");
        this.articleRerank = timer(registry, "article_rerank");
        this.chunkTexts = timer(registry, "chunk_texts");
    }

    private static Timer timer(MeterRegistry registry, String stage) {
        return Timer.builder("healthrag.retrieval.stage").tag("stage", stage)
                .description("time one retrieval spent in this stage").register(registry);
    }

    /**
     * One retrieval's stage boundaries, {@link System#nanoTime} values in order: started, vector ready, searches
     * done, rerank done (equal to searches done when no rerank ran), texts read.
     */
    void record(long started, long vectorReady, long searched, long reranked, long textsRead) {
        queryVector.record(vectorReady - started, TimeUnit.NANOSECONDS);
        searches.record(searched - vectorReady, TimeUnit.NANOSECONDS);
        if (reranked > searched) {
            articleRerank.record(reranked - searched, TimeUnit.NANOSECONDS);
        }
        chunkTexts.record(textsRead - reranked, TimeUnit.NANOSECONDS);
    }
}
