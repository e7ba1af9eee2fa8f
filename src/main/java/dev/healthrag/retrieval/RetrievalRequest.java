package dev.healthrag.retrieval;

/** A query to retrieve for: its text, which searches to run, how many chunks to return, and on which articles. */
public record RetrievalRequest(String query, RetrievalMode mode, int topK, ArticleFilter filter) {

    public RetrievalRequest {
        filter = filter == null ? ArticleFilter.NONE : filter;
    }

    public RetrievalRequest(String query, RetrievalMode mode, int topK) {
        this(query, mode, topK, ArticleFilter.NONE);
    }
}
