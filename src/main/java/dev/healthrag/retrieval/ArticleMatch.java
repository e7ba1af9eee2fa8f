package dev.healthrag.retrieval;

import dev.healthrag.store.ChunkHit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The leading articles of a fused ranking ranked again as whole articles: each by the mean cosine similarity of
 * its {@code sections} chunks closest to the question, over all its stored chunks rather than only those the
 * first-stage searches returned. The first stage sees an article through its single best chunk, so an article
 * whose one chunk happens to match beats one whose several sections all bear on the question.
 */
final class ArticleMatch {

    private ArticleMatch() {
    }

    /** The first chunk of each of the first {@code articles} articles of {@code fused}, in its order. */
    static List<RetrievedChunk> leaders(List<RetrievedChunk> fused, int articles) {
        Map<String, RetrievedChunk> leaders = new LinkedHashMap<>();
        for (RetrievedChunk chunk : fused) {
            if (leaders.size() == articles) {
                break;
            }
            leaders.putIfAbsent(chunk.articleId(), chunk);
        }
        return List.copyOf(leaders.values());
    }

    /**
     * The leaders' articles ordered by their score, best first (ties keep the fused order).
     *
     * @param chunks   every chunk of the leaders' articles, with its similarity to the question
     * @param sections how many of an article's closest chunks its score averages (fewer if it has fewer)
     */
    static List<String> rank(List<RetrievedChunk> leaders, List<ChunkHit> chunks, int sections) {
        Map<String, List<Double>> similarities = new HashMap<>();
        for (ChunkHit chunk : chunks) {
            similarities.computeIfAbsent(chunk.articleId(), id -> new ArrayList<>()).add(chunk.similarity());
        }
        Map<String, Double> scores = new HashMap<>();
        for (RetrievedChunk leader : leaders) {
            List<Double> own = similarities.getOrDefault(leader.articleId(), List.of(leader.similarity()));
            scores.put(leader.articleId(), own.stream().sorted(Comparator.reverseOrder()).limit(sections)
                    .mapToDouble(Double::doubleValue).average().orElse(leader.similarity()));
        }
        return leaders.stream()
                .sorted(Comparator.comparingDouble((RetrievedChunk leader) -> scores.get(leader.articleId())).reversed())
                .map(RetrievedChunk::articleId)
                .toList();
    }
}
