package dev.healthrag.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.data.segment.TextSegment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our own ONNX session (one thread per inference, no spinning) must embed exactly as LangChain4j's bundled
 * model does: same files, same pooling. A wrong pooling mode would still give unit vectors, just useless ones.
 */
class InProcessOnnxModelTest {

    private static final List<String> TEXTS = List.of(
            "Represent this sentence for searching relevant passages: why do my muscles twitch after a workout?",
            "Rhabdomyolysis is the breakdown of damaged skeletal muscle, which releases myoglobin into the blood.",
            "x");

    @ParameterizedTest
    @EnumSource(EmbeddingModelChoice.class)
    void embedsAsLangChain4jsBundledModelDoes(EmbeddingModelChoice choice) {
        // given the model as LangChain4j builds it, and as we build it
        EmbeddingModel bundled = bundled(choice).get();
        EmbeddingModel ours = choice.create(1);

        // when both embed the same texts, one by one and as a batch
        List<float[]> ourBatch = ours.embedAll(TEXTS.stream().map(TextSegment::from).toList()).content().stream()
                .map(embedding -> embedding.vector()).toList();

        // then every vector is the same up to floating-point noise
        for (int i = 0; i < TEXTS.size(); i++) {
            float[] expected = bundled.embed(TEXTS.get(i)).content().vector();
            assertEquals(choice.dimension(), expected.length);
            assertTrue(Vectors.cosine(expected, ours.embed(TEXTS.get(i)).content().vector()) > 0.9999, TEXTS.get(i));
            assertTrue(Vectors.cosine(expected, ourBatch.get(i)) > 0.9999, TEXTS.get(i));
        }
        assertEquals(choice.dimension(), ours.dimension());
    }

    private static Supplier<EmbeddingModel> bundled(EmbeddingModelChoice choice) {
        return switch (choice) {
            case BGE_SMALL_EN_V15_Q -> BgeSmallEnV15QuantizedEmbeddingModel::new;
            case ALL_MINILM_L6_V2_Q -> AllMiniLmL6V2QuantizedEmbeddingModel::new;
        };
    }
}
