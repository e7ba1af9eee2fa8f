package dev.healthrag.retrieval;

import dev.healthrag.store.ChunkSource;

/**
 * A chunk chosen for a question, with what explains the choice: its rank in each first-stage search
 * (null when that search did not return it), the fused score that ordered it, and its cosine similarity. Its text
 * and its article's title and URL are null while it is a candidate: they are read only for the chunks chosen
 * ({@link #withSource}).
 */
public record RetrievedChunk(String chunkId, String articleId, int position, String heading, String text,
                             String title, String url, double similarity, Integer denseRank, Integer lexicalRank,
                             double score) {

    public RetrievedChunk withSource(ChunkSource source) {
        return new RetrievedChunk(chunkId, articleId, position, heading, source.text(), source.title(), source.url(),
                similarity, denseRank, lexicalRank, score);
    }

    public RetrievedChunk withText(String newText) {
        return new RetrievedChunk(chunkId, articleId, position, heading, newText, title, url, similarity, denseRank,
                lexicalRank, score);
    }

    public RetrievedChunk withScore(double newScore) {
        return new RetrievedChunk(chunkId, articleId, position, heading, text, title, url, similarity, denseRank,
                lexicalRank, newScore);
    }
}
