package dev.healthrag.retrieval;

import dev.healthrag.store.ChunkHit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion: score = sum of weight / (k + rank) over the ranked lists a chunk appears in.
 * Ranks, not raw scores, are fused because cosine similarity, ts_rank and name similarity live on
 * unrelated scales. A chunk's dense (lexical) rank is its best rank among the dense (lexical) lists.
 */
public final class ReciprocalRankFuser {

    /** What a list ranks: chunks by meaning or by words. */
    public enum Kind { DENSE, LEXICAL }

    /** One first-stage result list and how much its ranks count. */
    public record RankedList(Kind kind, List<ChunkHit> hits, double weight) {
    }

    private static final Comparator<RetrievedChunk> ORDER = Comparator.comparingDouble(RetrievedChunk::score)
            .reversed().thenComparing(Comparator.comparingDouble(RetrievedChunk::similarity).reversed());

    private final int k;

    public ReciprocalRankFuser(int k) {
        this.k = k;
    }

    public List<RetrievedChunk> fuse(List<RankedList> lists) {
        Map<String, Builder> byId = new LinkedHashMap<>();
        for (RankedList list : lists) {
            for (int i = 0; i < list.hits().size(); i++) {
                ChunkHit hit = list.hits().get(i);
                Builder builder = byId.computeIfAbsent(hit.chunkId(), id -> new Builder(hit));
                builder.rank(list.kind(), i + 1);
                builder.score += list.weight() / (k + i + 1);
            }
        }
        List<RetrievedChunk> fused = new ArrayList<>(byId.size());
        byId.values().forEach(builder -> fused.add(builder.build()));
        fused.sort(ORDER);
        return fused;
    }

    /**
     * {@code fused} ordered again with one more ranked list, of whole articles: every chunk of the article at rank
     * r gains {@code weight / (k + r)}. All of an article's chunks gain alike, so the ranking of articles moves
     * while each article's own sections keep their order and their places relative to each other: an answer
     * still gets the second section of the article that leads.
     *
     * @param articleIds articles best first; chunks of other articles gain nothing
     * @param weight     how much the article ranks count, 0 or more
     */
    public List<RetrievedChunk> withArticleRanks(List<RetrievedChunk> fused, List<String> articleIds, double weight) {
        if (!(weight >= 0)) {
            throw new IllegalArgumentException("an article ranking's weight must be 0 or more, not " + weight);
        }
        Map<String, Double> gains = new HashMap<>();
        for (int i = 0; i < articleIds.size(); i++) {
            gains.putIfAbsent(articleIds.get(i), weight / (k + i + 1));
        }
        List<RetrievedChunk> ranked = new ArrayList<>(fused.size());
        for (RetrievedChunk chunk : fused) {
            ranked.add(chunk.withScore(chunk.score() + gains.getOrDefault(chunk.articleId(), 0.0)));
        }
        ranked.sort(ORDER);
        return ranked;
    }

    private static final class Builder {
        final ChunkHit hit;
        Integer denseRank;
        Integer lexicalRank;
        double score;

        Builder(ChunkHit hit) {
            this.hit = hit;
        }

        void rank(Kind kind, int rank) {
            if (kind == Kind.DENSE) {
                denseRank = denseRank == null ? rank : Math.min(denseRank, rank);
            } else if (kind == Kind.LEXICAL) {
                lexicalRank = lexicalRank == null ? rank : Math.min(lexicalRank, rank);
            }
        }

        RetrievedChunk build() {
            return new RetrievedChunk(hit.chunkId(), hit.articleId(), hit.position(), hit.heading(), null,
                    null, null, hit.similarity(), denseRank, lexicalRank, score);
        }
    }
}
