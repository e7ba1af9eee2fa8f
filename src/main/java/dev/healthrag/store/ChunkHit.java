package dev.healthrag.store;

/**
 * A chunk found by one search, with its cosine similarity to the query (always computed, also for
 * lexical hits, because the relevance gate needs one comparable number) and its lexical rank score. Its text
 * and its article's title and URL are read only for the few chunks that survive fusion ({@link ChunkSearch#sources}),
 * not for every candidate.
 */
public record ChunkHit(String chunkId, String articleId, int position, String heading, double similarity,
                       double lexicalScore) {
}
