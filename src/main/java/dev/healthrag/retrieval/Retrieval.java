package dev.healthrag.retrieval;

import java.time.Duration;
import java.util.List;

/**
 * The chunks chosen for a query, how the query was read (for developers tuning questions), and the
 * query's vector, so later steps compare against it without embedding the question again; how long embedding
 * the query and the searches took (null when not measured); the {@link AlternativeQuery} searched beside it
 * (null when none).
 */
public record Retrieval(AnalyzedQuery query, float[] queryVector, List<RetrievedChunk> chunks, Duration embedTime,
                        Duration searchTime, String alternativeQuery) {

    public Retrieval(AnalyzedQuery query, float[] queryVector, List<RetrievedChunk> chunks) {
        this(query, queryVector, chunks, null, null, null);
    }
}
