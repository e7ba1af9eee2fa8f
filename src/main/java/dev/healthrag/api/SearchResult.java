package dev.healthrag.api;

import dev.healthrag.retrieval.RetrievedChunk;

/** One ranked chunk, with the numbers that explain its place: for developers and widgets. */
public record SearchResult(int rank, String chunkId, String articleId, String title, String url, String section,
                           String text, double score, double similarity, Integer denseRank, Integer lexicalRank) {

    static SearchResult of(int rank, RetrievedChunk chunk) {
        return new SearchResult(rank, chunk.chunkId(), chunk.articleId(), chunk.title(), chunk.url(), chunk.heading(),
                chunk.text(), round(chunk.score()), round(chunk.similarity()), chunk.denseRank(), chunk.lexicalRank());
    }

    private static double round(double value) {
        return Math.round(value * 1_000_000) / 1_000_000.0;
    }
}
