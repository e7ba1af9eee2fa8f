package dev.healthrag.embedding;

import dev.healthrag.HealthRagConfig;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place text becomes vectors, so queries and passages are always treated as the model expects
 * (query instruction on queries only). Query vectors are cached by text, a few hundred of the latest: triage
 * and retrieval both embed a plain chat message as it is, and the second gets the first's vector.
 */
@ApplicationScoped
public class Embedder {

    private final EmbeddingModelChoice choice;
    private final int threadsPerInference;
    private static final int QUERY_CACHE_SIZE = 256;

    private final Map<String, float[]> queryCache = new LinkedHashMap<>(QUERY_CACHE_SIZE * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > QUERY_CACHE_SIZE;
        }
    };
    private volatile EmbeddingModel model;

    public Embedder(HealthRagConfig config) {
        this.choice = EmbeddingModelChoice.byName(config.embedding().model());
        this.threadsPerInference = config.embedding().threadsPerInference();
    }

    public EmbeddingModelChoice choice() {
        return choice;
    }

    /** The query's vector; callers get their own copy, so the cached one cannot be changed. */
    public float[] embedQuery(String query) {
        float[] cached;
        synchronized (queryCache) {
            cached = queryCache.get(query);
        }
        if (cached == null) {
            // Embedded outside the lock, so other queries are not held up; two threads embedding the same new
            // query at once both compute it, harmlessly.
            cached = model().embed(choice.queryInstruction() + query).content().vector();
            synchronized (queryCache) {
                queryCache.put(query, cached);
            }
        }
        return cached.clone();
    }

    /** Many queries at once (spread over the cores like passages), not cached: for fixed sets such as exemplars. */
    public List<float[]> embedQueries(List<String> queries) {
        return embedPassages(queries.stream().map(query -> choice.queryInstruction() + query).toList());
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
