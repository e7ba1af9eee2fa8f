package dev.healthrag.store;

/**
 * A chunk found by one search, with its cosine similarity to the query (always computed, also for
 * lexical hits, because the relevance gate needs one comparable number) and its lexical rank score.
 */
public record ChunkHit(String chunkId, String articleId, int position, String heading, String text,
                       String title, String url, double similarity, double lexicalScore) {
}
