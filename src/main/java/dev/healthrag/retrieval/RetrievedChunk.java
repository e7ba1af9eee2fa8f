package dev.healthrag.retrieval;

/**
 * A chunk chosen for a question, with what explains the choice: its rank in each first-stage search
 * (null when that search did not return it), the fused score that ordered it, and its cosine similarity.
 */
public record RetrievedChunk(String chunkId, String articleId, int position, String heading, String text,
                             String title, String url, double similarity, Integer denseRank, Integer lexicalRank,
                             double score) {

    public RetrievedChunk withText(String newText) {
        return new RetrievedChunk(chunkId, articleId, position, heading, newText, title, url, similarity, denseRank,
                lexicalRank, score);
    }

    public RetrievedChunk withScore(double newScore) {
        return new RetrievedChunk(chunkId, articleId, position, heading, text, title, url, similarity, denseRank,
                lexicalRank, newScore);
    }
}
