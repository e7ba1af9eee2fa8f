package dev.healthrag.retrieval;

import dev.healthrag.store.ChunkHit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ArticleMatchTest {

    @Test
    void leadersAreEachArticlesFirstChunkInFusedOrder() {
        List<RetrievedChunk> fused = List.of(fused("a2", "A", 0.80), fused("b1", "B", 0.79), fused("a1", "A", 0.70),
                fused("c1", "C", 0.60));

        assertEquals(List.of("a2", "b1"), ArticleMatch.leaders(fused, 2).stream().map(RetrievedChunk::chunkId).toList());
    }

    @Test
    void anArticleWhoseSeveralSectionsMatchOutranksOneWithASingleCloseChunk() {
        List<RetrievedChunk> leaders = List.of(fused("a1", "A", 0.82), fused("b1", "B", 0.80));
        List<ChunkHit> chunks = List.of(hit("a1", "A", 0.82), hit("a2", "A", 0.55), hit("a3", "A", 0.50),
                hit("b1", "B", 0.80), hit("b2", "B", 0.78), hit("b3", "B", 0.40));

        assertEquals(List.of("B", "A"), ArticleMatch.rank(leaders, chunks, 2));
        assertEquals(List.of("A", "B"), ArticleMatch.rank(leaders, chunks, 1));
    }

    @Test
    void anArticleWithFewerChunksThanSectionsAveragesWhatItHas() {
        List<RetrievedChunk> leaders = List.of(fused("a1", "A", 0.70), fused("b1", "B", 0.75));
        List<ChunkHit> chunks = List.of(hit("a1", "A", 0.70), hit("a2", "A", 0.69), hit("b1", "B", 0.75));

        assertEquals(List.of("B", "A"), ArticleMatch.rank(leaders, chunks, 2));
    }

    private static RetrievedChunk fused(String chunk, String article, double similarity) {
        return new RetrievedChunk(chunk, article, 0, "", null, article, null, similarity, 1, null, 0.1);
    }

    private static ChunkHit hit(String chunk, String article, double similarity) {
        return new ChunkHit(chunk, article, 0, "", similarity, 0);
    }
}
