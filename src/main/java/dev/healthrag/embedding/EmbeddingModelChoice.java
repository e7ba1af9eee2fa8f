package dev.healthrag.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The in-process embedding models the service can run, selected by {@code healthrag.embedding.model}. */
public enum EmbeddingModelChoice {

    // BGE was trained with an instruction on the query side only; passages are embedded bare.
    BGE_SMALL_EN_V15_Q("bge-small-en-v15-q", 384,
            "Represent this sentence for searching relevant passages: ", 0.68,
            BgeSmallEnV15QuantizedEmbeddingModel.class, "bge-small-en-v1.5-q", PoolingMode.CLS),
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", 384, "", 0.47,
            AllMiniLmL6V2QuantizedEmbeddingModel.class, "all-minilm-l6-v2-q", PoolingMode.MEAN);

    private final String configName;
    private final int dimension;
    private final String queryInstruction;
    private final double minSimilarity;
    private final Class<?> bundle;
    private final String resourceName;
    private final PoolingMode pooling;

    EmbeddingModelChoice(String configName, int dimension, String queryInstruction, double minSimilarity,
                         Class<?> bundle, String resourceName, PoolingMode pooling) {
        this.configName = configName;
        this.dimension = dimension;
        this.queryInstruction = queryInstruction;
        this.minSimilarity = minSimilarity;
        this.bundle = bundle;
        this.resourceName = resourceName;
        this.pooling = pooling;
    }

    public static EmbeddingModelChoice byName(String name) {
        return Arrays.stream(values())
                .filter(choice -> choice.configName.equalsIgnoreCase(name.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown embedding model '" + name
                        + "'; set healthrag.embedding.model (HEALTHRAG_EMBEDDING_MODEL) to one of: "
                        + Arrays.stream(values()).map(c -> c.configName).collect(Collectors.joining(", "))));
    }

    public String configName() {
        return configName;
    }

    public int dimension() {
        return dimension;
    }

    public String queryInstruction() {
        return queryInstruction;
    }

    /**
     * Cosine similarity below which a chunk is not relevant enough to answer from; calibrated per model
     * by {@code ./healthrag calibrate} because each model spreads similarities differently.
     */
    public double minSimilarity() {
        return minSimilarity;
    }

    /** The model as LangChain4j bundles it (same files, same pooling), with {@code threads} per inference. */
    EmbeddingModel create(int threads) {
        return InProcessOnnxModel.load(bundle, resourceName + ".onnx", resourceName + "-tokenizer.json", pooling,
                dimension, threads);
    }
}
