package dev.healthrag.retrieval;

import java.util.List;

/**
 * The chunks chosen for a query, how the query was read (for developers tuning questions), and the
 * query's vector, so later steps compare against it without embedding the question again.
 */
public record Retrieval(AnalyzedQuery query, float[] queryVector, List<RetrievedChunk> chunks) {
}
