package dev.healthrag.retrieval;

import dev.healthrag.embedding.EmbeddedQuery;

/**
 * A query to retrieve for: its text, which searches to run, how many chunks to return, on which articles,
 * optionally a vector an earlier step already computed ({@code embedded}, may be null), and whether an
 * {@link AlternativeQuery} may be searched beside it ({@code alternative}: not for a query that is already a
 * rewrite). Retrieval uses the given vector only when its text is exactly the text retrieval would embed, and
 * embeds the query itself otherwise.
 */
public record RetrievalRequest(String query, RetrievalMode mode, int topK, ArticleFilter filter,
                               EmbeddedQuery embedded, boolean alternative) {

    public RetrievalRequest {
        filter = filter == null ? ArticleFilter.NONE : filter;
    }

    public RetrievalRequest(String query, RetrievalMode mode, int topK, ArticleFilter filter) {
        this(query, mode, topK, filter, null, true);
    }

    public RetrievalRequest(String query, RetrievalMode mode, int topK) {
        this(query, mode, topK, ArticleFilter.NONE);
    }

    /** This request, offering {@code embedded} (null for none) as the vector of its text. */
    public RetrievalRequest reusing(EmbeddedQuery embedded) {
        return new RetrievalRequest(query, mode, topK, filter, embedded, alternative);
    }

    /** This request searched as written only: its query is already a rewrite, by the model or a rule. */
    public RetrievalRequest withoutAlternative() {
        return new RetrievalRequest(query, mode, topK, filter, embedded, false);
    }
}
