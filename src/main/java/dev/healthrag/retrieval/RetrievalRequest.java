package dev.healthrag.retrieval;

import dev.healthrag.store.SearchFilter;

public record RetrievalRequest(String query, RetrievalMode mode, int topK, SearchFilter filter) {
}
