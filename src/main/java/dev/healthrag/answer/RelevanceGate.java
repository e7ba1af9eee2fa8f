package dev.healthrag.answer;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.retrieval.NeighbourExpander;
import dev.healthrag.retrieval.RetrievedChunk;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Keeps the retrieved chunks relevant enough to answer from (cosine similarity at or above the floor
 * calibrated for the embedding model, or the configured one), each extended to its whole passage. An empty
 * result means the articles do not cover the question.
 */
@ApplicationScoped
public class RelevanceGate {

    private final NeighbourExpander expander;
    private final boolean expandNeighbours;
    private final double minSimilarity;

    public RelevanceGate(NeighbourExpander expander, Embedder embedder, HealthRagConfig config) {
        this.expander = expander;
        this.expandNeighbours = config.retrieval().expandNeighbours();
        this.minSimilarity = config.retrieval().minSimilarity().orElse(embedder.choice().minSimilarity());
    }

    public List<RetrievedChunk> admit(List<RetrievedChunk> retrieved) {
        List<RetrievedChunk> relevant = retrieved.stream().filter(chunk -> chunk.similarity() >= minSimilarity).toList();
        return expandNeighbours ? expander.expand(relevant) : relevant;
    }
}
