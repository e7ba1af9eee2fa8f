package dev.healthrag.retrieval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps at most N chunks per article in the top-k, so one long article cannot crowd out the
 * second-best article; the overflow only fills places that nothing else would.
 */
final class ArticleDiversifier {

    private ArticleDiversifier() {
    }

    static List<RetrievedChunk> diversify(List<RetrievedChunk> ranked, int topK, int maxPerArticle) {
        List<RetrievedChunk> chosen = new ArrayList<>(topK);
        List<RetrievedChunk> overflow = new ArrayList<>();
        Map<String, Integer> perArticle = new HashMap<>();
        for (RetrievedChunk chunk : ranked) {
            if (chosen.size() == topK) {
                break;
            }
            int count = perArticle.merge(chunk.articleId(), 1, Integer::sum);
            (count <= maxPerArticle ? chosen : overflow).add(chunk);
        }
        for (int i = 0; chosen.size() < topK && i < overflow.size(); i++) {
            chosen.add(overflow.get(i));
        }
        return chosen;
    }
}
