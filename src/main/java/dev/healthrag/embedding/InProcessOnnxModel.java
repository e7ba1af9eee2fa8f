package dev.healthrag.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One of LangChain4j's bundled ONNX models, loaded with our own session options. LangChain4j's defaults give
 * every inference all cores and let idle ONNX threads spin; on a two-core server answering several questions
 * at once (and sharing the cores with PostgreSQL) that spinning steals the CPU the other requests need. With
 * one thread per inference and no spinning, concurrent requests run side by side instead, and a batch of
 * passages still uses every core because LangChain4j embeds its segments in parallel.
 */
final class InProcessOnnxModel extends AbstractInProcessEmbeddingModel {

    private final OnnxBertBiEncoder encoder;
    private final int dimension;

    private InProcessOnnxModel(OnnxBertBiEncoder encoder, int dimension) {
        super(null);
        this.encoder = encoder;
        this.dimension = dimension;
    }

    /**
     * Loads {@code onnxResource} and {@code tokenizerResource} from the jar that holds {@code anchor}
     * (LangChain4j's model class, referenced only as a class literal so its own default session is never built).
     */
    static InProcessOnnxModel load(Class<?> anchor, String onnxResource, String tokenizerResource, PoolingMode pooling,
                                   int dimension, int threadsPerInference) {
        try (InputStream model = resource(anchor, onnxResource);
             InputStream tokenizer = resource(anchor, tokenizerResource);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threadsPerInference);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new InProcessOnnxModel(new OnnxBertBiEncoder(environment, session, tokenizer, pooling), dimension);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedding model " + onnxResource, e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the embedding model " + onnxResource, e);
        }
    }

    private static InputStream resource(Class<?> anchor, String name) throws IOException {
        InputStream in = anchor.getResourceAsStream("/" + name);
        if (in == null) {
            throw new IOException("resource /" + name + " is missing from the classpath");
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return dimension;
    }
}
