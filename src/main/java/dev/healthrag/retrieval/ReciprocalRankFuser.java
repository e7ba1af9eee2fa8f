package dev.healthrag.retrieval;

import dev.healthrag.store.ChunkHit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion: score = sum of weight / (k + rank) over the lists a chunk appears in. Ranks,
 * not raw scores, are fused because cosine similarity and ts_rank live on unrelated scales. There may be
 * several dense lists (a long question is also searched in condensed form); a chunk's dense rank is its
 * best rank among them.
 */
public final class ReciprocalRankFuser {

    private final int k;
    private final double denseWeight;
    private final double lexicalWeight;

    public ReciprocalRankFuser(int k, double denseWeight, double lexicalWeight) {
        this.k = k;
        this.denseWeight = denseWeight;
        this.lexicalWeight = lexicalWeight;
    }

    public List<RetrievedChunk> fuse(List<ChunkHit> dense, List<ChunkHit> lexical) {
        return fuseAll(List.of(dense), lexical);
    }

    public List<RetrievedChunk> fuseAll(List<List<ChunkHit>> denseLists, List<ChunkHit> lexical) {
        Map<String, Builder> byId = new LinkedHashMap<>();
        double perDenseList = denseWeight / Math.max(1, denseLists.size());
        for (List<ChunkHit> dense : denseLists) {
            for (int i = 0; i < dense.size(); i++) {
                Builder builder = byId.computeIfAbsent(dense.get(i).chunkId(), id -> new Builder());
                builder.hit = builder.hit == null ? dense.get(i) : builder.hit;
                builder.denseRank = builder.denseRank == null ? i + 1 : Math.min(builder.denseRank, i + 1);
                builder.score += perDenseList / (k + i + 1);
            }
        }
        for (int i = 0; i < lexical.size(); i++) {
            Builder builder = byId.computeIfAbsent(lexical.get(i).chunkId(), id -> new Builder());
            builder.hit = builder.hit == null ? lexical.get(i) : builder.hit;
            builder.lexicalRank = i + 1;
            builder.score += lexicalWeight / (k + i + 1);
        }
        List<RetrievedChunk> fused = new ArrayList<>(byId.size());
        byId.values().forEach(builder -> fused.add(builder.build()));
        fused.sort(Comparator.comparingDouble(RetrievedChunk::score).reversed()
                .thenComparing(Comparator.comparingDouble(RetrievedChunk::similarity).reversed()));
        return fused;
    }

    private static final class Builder {
        ChunkHit hit;
        Integer denseRank;
        Integer lexicalRank;
        double score;

        RetrievedChunk build() {
            return new RetrievedChunk(hit.chunkId(), hit.articleId(), hit.position(), hit.heading(), hit.text(),
                    hit.title(), hit.url(), hit.similarity(), denseRank, lexicalRank, score);
        }
    }
}
