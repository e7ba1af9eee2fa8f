package dev.healthrag.retrieval;

import dev.healthrag.retrieval.ReciprocalRankFuser.Kind;
import dev.healthrag.retrieval.ReciprocalRankFuser.RankedList;
import dev.healthrag.store.ChunkHit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReciprocalRankFuserTest {

    private final ReciprocalRankFuser fuser = new ReciprocalRankFuser(60);

    @Test
    void aChunkFoundByBothSearchesOutranksOneFoundByOne() {
        List<RetrievedChunk> fused = fuser.fuse(List.of(
                new RankedList(Kind.DENSE, List.of(hit("a", "x"), hit("b", "y")), 1.0),
                new RankedList(Kind.LEXICAL, List.of(hit("c", "z"), hit("b", "y")), 1.0)));

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

        assertEquals("c", fuser.fuse(List.of(new RankedList(Kind.DENSE, dense, 1.0),
                new RankedList(Kind.LEXICAL, lexical, 2.0))).get(0).chunkId());
        assertEquals("a", fuser.fuse(List.of(new RankedList(Kind.DENSE, dense, 2.0),
                new RankedList(Kind.LEXICAL, lexical, 1.0))).get(0).chunkId());
    }

    @Test
    void aChunkInTwoListsOfOneKindReportsItsBestRank() {
        List<RetrievedChunk> fused = fuser.fuse(List.of(
                new RankedList(Kind.LEXICAL, List.of(hit("a", "x"), hit("b", "y")), 1.0),
                new RankedList(Kind.LEXICAL, List.of(hit("b", "y")), 1.0)));

        assertEquals("b", fused.get(0).chunkId());
        assertEquals(1, fused.get(0).lexicalRank());
    }

    @Test
    void anArticleRankingLiftsEveryChunkOfTheArticleSoItsSecondSectionStaysAheadOfOtherArticles() {
        List<RetrievedChunk> fused = fuser.fuse(List.of(new RankedList(Kind.DENSE,
                List.of(hit("b1", "B"), hit("a1", "A"), hit("a2", "A"), hit("c1", "C")), 1.0)));

        List<RetrievedChunk> ranked = fuser.withArticleRanks(fused, List.of("A", "B"), 2.0);

        assertEquals(List.of("a1", "a2", "b1", "c1"), ranked.stream().map(RetrievedChunk::chunkId).toList());
        assertEquals(1.0 / 62 + 2.0 / 61, ranked.get(0).score(), 1e-12);
        assertEquals(2, ranked.get(0).denseRank(), "the first-stage ranks still explain the chunk");
    }

    @Test
    void aChunkOfAnArticleTheArticleRankingLeftOutKeepsItsScore() {
        List<RetrievedChunk> fused = fuser.fuse(List.of(new RankedList(Kind.DENSE,
                List.of(hit("a1", "A"), hit("b1", "B")), 1.0)));

        List<RetrievedChunk> ranked = fuser.withArticleRanks(fused, List.of("A"), 1.0);

        assertEquals(1.0 / 62, ranked.get(1).score(), 1e-12);
    }

    @Test
    void diversifierLetsTheSecondArticleInBeforeAThirdChunkOfTheFirst() {
        List<RetrievedChunk> ranked = fuser.fuse(List.of(new RankedList(Kind.DENSE,
                List.of(hit("a1", "A"), hit("a2", "A"), hit("a3", "A"), hit("b1", "B")), 1.0)));

        List<RetrievedChunk> top = ArticleDiversifier.diversify(ranked, 3, 2);

        assertEquals(List.of("a1", "a2", "b1"), top.stream().map(RetrievedChunk::chunkId).toList());
    }

    @Test
    void diversifierFillsWithTheOverflowWhenNothingElseQualifies() {
        List<RetrievedChunk> ranked = fuser.fuse(List.of(new RankedList(Kind.DENSE,
                List.of(hit("a1", "A"), hit("a2", "A"), hit("a3", "A")), 1.0)));

        assertEquals(3, ArticleDiversifier.diversify(ranked, 3, 2).size());
    }

    static ChunkHit hit(String chunkId, String articleId) {
        return new ChunkHit(chunkId, articleId, 0, "", 0.5, 0);
    }
}
