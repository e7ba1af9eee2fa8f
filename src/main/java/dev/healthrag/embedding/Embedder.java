package dev.healthrag.embedding;

import dev.healthrag.HealthRagConfig;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * The one place text becomes vectors, so queries and passages are always treated as the model expects
 * (query instruction on queries only).
 */
@ApplicationScoped
public class Embedder {

    private final EmbeddingModelChoice choice;
    private final int threadsPerInference;
    private volatile EmbeddingModel model;
    /**
     * At most one query inference per core, first come first served. Four questions embedded at once on two
     * cores would time-share them (and the caches the model's 20 MB of weights stream through); queued instead,
     * the bench (4 clients, 100k chunks) served 113-117 instead of 107 questions per second, p95 69-71 instead
     * of 80 ms.
     */
    private final Semaphore inferences = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    public Embedder(HealthRagConfig config) {
        this.choice = EmbeddingModelChoice.byName(config.embedding().model());
        this.threadsPerInference = config.embedding().threadsPerInference();
    }

    public EmbeddingModelChoice choice() {
        return choice;
    }

    public float[] embedQuery(String query) {
        EmbeddingModel loaded = model();
        inferences.acquireUninterruptibly();
        try {
            return loaded.embed(choice.queryInstruction() + query).content().vector();
        } finally {
            inferences.release();
        }
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
