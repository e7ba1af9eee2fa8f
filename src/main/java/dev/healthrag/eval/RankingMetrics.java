package dev.healthrag.eval;

import dev.healthrag.retrieval.RetrievedChunk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Accumulates the standard ranking metrics over questions whose answer lives in known articles.
 * Rankings are of distinct articles, in the order their first chunk was retrieved.
 */
public final class RankingMetrics {

    private int questions;
    private int hitsAt1;
    private int hitsAt5;
    private int hitsAt10;
    private double reciprocalRankSum;
    private double ndcgSum;
    private final List<Double> latenciesMs = new ArrayList<>();

    /** The distinct articles of retrieved chunks, in the order their first chunk appears: what the metrics rank. */
    public static List<String> rankedArticles(List<RetrievedChunk> chunks) {
        return chunks.stream().map(RetrievedChunk::articleId).distinct().toList();
    }

    /** @return the 1-based rank of the first relevant article, or 0 when none is in the list */
    public int add(List<String> rankedArticles, Set<String> relevant, double latencyMs) {
        questions++;
        latenciesMs.add(latencyMs);
        int first = 0;
        double dcg = 0;
        for (int i = 0; i < Math.min(10, rankedArticles.size()); i++) {
            if (relevant.contains(rankedArticles.get(i))) {
                dcg += 1 / log2(i + 2);
                if (first == 0) {
                    first = i + 1;
                }
            }
        }
        double idcg = 0;
        for (int i = 0; i < Math.min(10, relevant.size()); i++) {
            idcg += 1 / log2(i + 2);
        }
        ndcgSum += dcg / idcg;
        if (first == 1) {
            hitsAt1++;
        }
        if (first >= 1 && first <= 5) {
            hitsAt5++;
        }
        if (first >= 1) {
            hitsAt10++;
            reciprocalRankSum += 1.0 / first;
        }
        return first;
    }

    public Summary summary() {
        List<Double> sorted = new ArrayList<>(latenciesMs);
        Collections.sort(sorted);
        return new Summary(questions, ratio(hitsAt1), ratio(hitsAt5), ratio(hitsAt10), round(reciprocalRankSum / questions),
                round(ndcgSum / questions), percentile(sorted, 50), percentile(sorted, 95));
    }

    public record Summary(int questions, double recallAt1, double recallAt5, double recallAt10, double mrrAt10,
                          double ndcgAt10, double p50Ms, double p95Ms) {
    }

    public static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return Math.round(sorted.get(Math.max(0, index)) * 10) / 10.0;
    }

    private double ratio(int hits) {
        return round((double) hits / questions);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }
}
