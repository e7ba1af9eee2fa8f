package dev.healthrag.answer;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.retrieval.ConditionNames;
import dev.healthrag.retrieval.NeighbourExpander;
import dev.healthrag.retrieval.Retrieval;
import dev.healthrag.retrieval.RetrievedChunk;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps the retrieved chunks relevant enough to answer from, each extended to its whole passage: those whose
 * cosine similarity is at or above the floor calibrated for the embedding model (or the configured one); when
 * none is, those of the articles the message names by title or "also called" ({@link ConditionNames}). An empty
 * result means the articles do not cover the question.
 */
@ApplicationScoped
public class RelevanceGate {

    private final NeighbourExpander expander;
    private final ConditionNames conditions;
    private final boolean expandNeighbours;
    private final double minSimilarity;

    public RelevanceGate(NeighbourExpander expander, ConditionNames conditions, Embedder embedder,
                         HealthRagConfig config) {
        this.expander = expander;
        this.conditions = conditions;
        this.expandNeighbours = config.retrieval().expandNeighbours();
        this.minSimilarity = config.retrieval().minSimilarity().orElse(embedder.choice().minSimilarity());
    }

    /** @param retrieval what retrieval found for the message, its chunks best first */
    public List<RetrievedChunk> admit(Retrieval retrieval) {
        List<RetrievedChunk> retrieved = retrieval.chunks();
        List<RetrievedChunk> relevant = retrieved.stream().filter(chunk -> chunk.similarity() >= minSimilarity).toList();
        if (relevant.isEmpty() && !retrieved.isEmpty()) {
            // A short or rambling message scores low against every chunk ("my cousin has leber amaurosis, where do
            // I start"), yet one that names the condition an article is about is covered by that article.
            Set<String> named = conditions.named(retrieval.query()).stream().map(ConditionNames.NamedArticle::articleId)
                    .collect(Collectors.toSet());
            relevant = retrieved.stream().filter(chunk -> named.contains(chunk.articleId())).toList();
        }
        return expandNeighbours ? expander.expand(relevant) : relevant;
    }
}
