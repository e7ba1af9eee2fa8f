package dev.healthrag.embedding;

import dev.healthrag.HealthRagConfig;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The one place text becomes vectors, so queries and passages are always treated as the model expects
 * (query instruction on queries only).
 */
@ApplicationScoped
public class Embedder {

    private final EmbeddingModelChoice choice;
    private final int threadsPerInference;
    private volatile EmbeddingModel model;

    public Embedder(HealthRagConfig config) {
        this.choice = EmbeddingModelChoice.byName(config.embedding().model());
        this.threadsPerInference = config.embedding().threadsPerInference();
    }

    public EmbeddingModelChoice choice() {
        return choice;
    }

    public float[] embedQuery(String query) {
        return model().embed(choice.queryInstruction() + query).content().vector();
    }

    public List<float[]> embedPassages(List<String> passages) {
        List<TextSegment> segments = passages.stream().map(TextSegment::from).toList();
        return model().embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    /** Loads the ONNX model now rather than on the first request. */
    public void warmUp() {
        embedQuery("warm up");
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = choice.create(threadsPerInference);
                }
                loaded = model;
            }
        }
        return loaded;
    }
}
