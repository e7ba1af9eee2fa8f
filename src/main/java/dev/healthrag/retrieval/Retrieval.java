package dev.healthrag.retrieval;

import java.util.List;

/** The chunks chosen for a query, and how the query was read (for developers tuning questions). */
public record Retrieval(AnalyzedQuery query, List<RetrievedChunk> chunks) {
}
