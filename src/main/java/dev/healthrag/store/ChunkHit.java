package dev.healthrag.store;

/**
 * A chunk found by one search, with its cosine similarity to the query (always computed, also for
 * lexical hits, because the relevance gate needs one comparable number) and its lexical rank score. Its text
 * is read only for the few chunks that survive fusion ({@link ChunkSearch#texts}), not for every candidate.
 */
public record ChunkHit(String chunkId, String articleId, int position, String heading,
                       String title, String url, double similarity, double lexicalScore) {
}
