package dev.healthrag.answer.extractive;

import dev.healthrag.embedding.Embedder;
import dev.healthrag.embedding.Vectors;
import dev.healthrag.retrieval.RetrievedChunk;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Drafts an answer without a model, from passages of the sources quoted as they stand, each marked [n] with its source. */
@ApplicationScoped
public class ExtractiveGenerator {

    private final Embedder embedder;

    public ExtractiveGenerator(Embedder embedder) {
        this.embedder = embedder;
    }

    /**
     * @param queryVector the question as retrieval embedded it (corrections and clinical terms included)
     * @return text whose markers [n] refer to {@code sources.get(n - 1)}; empty when no source has text to quote
     */
    public String draft(String question, float[] queryVector, List<RetrievedChunk> sources) {
        return ExtractiveAnswerer.answer(question, sources, (asked, passages) -> similarity(queryVector, passages));
    }

    private double[] similarity(float[] query, List<String> passages) {
        List<float[]> vectors = embedder.embedPassages(passages);
        double[] similarity = new double[vectors.size()];
        for (int i = 0; i < similarity.length; i++) {
            similarity[i] = Vectors.cosine(query, vectors.get(i));
        }
        return similarity;
    }
}
