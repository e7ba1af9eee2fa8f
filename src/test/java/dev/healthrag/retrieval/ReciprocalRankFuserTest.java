package dev.healthrag.retrieval;

import dev.healthrag.store.ChunkHit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReciprocalRankFuserTest {

    @Test
    void aChunkFoundByBothSearchesOutranksOneFoundByOne() {
        List<ChunkHit> dense = List.of(hit("a", "x"), hit("b", "y"));
        List<ChunkHit> lexical = List.of(hit("c", "z"), hit("b", "y"));

        List<RetrievedChunk> fused = new ReciprocalRankFuser(60, 1.0, 1.0).fuse(dense, lexical);

        assertEquals("b", fused.get(0).chunkId());
        assertEquals(2, fused.get(0).denseRank());
        assertEquals(2, fused.get(0).lexicalRank());
        assertEquals(2.0 / 62, fused.get(0).score(), 1e-12);
        assertNull(fused.stream().filter(c -> c.chunkId().equals("a")).findFirst().orElseThrow().lexicalRank());
    }

    @Test
    void weightsTiltTheFusion() {
        List<ChunkHit> dense = List.of(hit("a", "x"));
        List<ChunkHit> lexical = List.of(hit("c", "z"));

        assertEquals("c", new ReciprocalRankFuser(60, 1.0, 2.0).fuse(dense, lexical).get(0).chunkId());
        assertEquals("a", new ReciprocalRankFuser(60, 2.0, 1.0).fuse(dense, lexical).get(0).chunkId());
    }

    @Test
    void diversifierLetsTheSecondArticleInBeforeAThirdChunkOfTheFirst() {
        List<RetrievedChunk> ranked = new ReciprocalRankFuser(60, 1, 1).fuse(
                List.of(hit("a1", "A"), hit("a2", "A"), hit("a3", "A"), hit("b1", "B")), List.of());

        List<RetrievedChunk> top = ArticleDiversifier.diversify(ranked, 3, 2);

        assertEquals(List.of("a1", "a2", "b1"), top.stream().map(RetrievedChunk::chunkId).toList());
    }

    @Test
    void diversifierFillsWithTheOverflowWhenNothingElseQualifies() {
        List<RetrievedChunk> ranked = new ReciprocalRankFuser(60, 1, 1).fuse(
                List.of(hit("a1", "A"), hit("a2", "A"), hit("a3", "A")), List.of());

        assertEquals(3, ArticleDiversifier.diversify(ranked, 3, 2).size());
    }

    static ChunkHit hit(String chunkId, String articleId) {
        return new ChunkHit(chunkId, articleId, 0, "", "text", "title", "url", 0.5, 0);
    }
}
