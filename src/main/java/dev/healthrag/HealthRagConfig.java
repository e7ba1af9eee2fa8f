package dev.healthrag;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Every healthrag.* key; each is documented in application.properties. */
@ConfigMapping(prefix = "healthrag")
public interface HealthRagConfig {

    String disclaimer();

    Question question();

    Embedding embedding();

    Chunking chunking();

    Retrieval retrieval();

    Llm llm();

    interface Question {
        @WithDefault("2000")
        int maxLength();
    }

    interface Embedding {
        @WithDefault("bge-small-en-v15-q")
        String model();

        @WithDefault("32")
        int batchSize();

        @WithDefault("1")
        int threadsPerInference();
    }

    interface Chunking {
        @WithDefault("200")
        int minTokens();

        @WithDefault("350")
        int maxTokens();

        @WithDefault("40")
        int overlapTokens();
    }

    interface Retrieval {
        @WithDefault("5")
        int topK();

        @WithDefault("20")
        int maxTopK();

        /** Overrides the embedding model's calibrated relevance floor. */
        Optional<Double> minSimilarity();

        @WithDefault("40")
        int denseCandidates();

        @WithDefault("40")
        int lexicalCandidates();

        @WithDefault("60")
        int rrfK();

        @WithDefault("1.0")
        double denseWeight();

        @WithDefault("1.0")
        double lexicalWeight();

        @WithDefault("2")
        int maxChunksPerArticle();

        @WithDefault("1.0")
        double nameWeight();

        @WithDefault("10")
        int nameCandidates();

        @WithDefault("100")
        int efSearch();

        @WithDefault("true")
        boolean expandNeighbours();

        /** Questions retrieved at once; 0 means one more than the cores. */
        @WithDefault("0")
        int concurrency();
    }

    interface Llm {
        /** Set (with or without a key) to turn LLM mode on. */
        Optional<String> baseUrl();

        Optional<String> apiKey();

        /** Forces LLM mode off (false) or on (true) regardless of the two keys above. */
        Optional<Boolean> enabled();

        @WithDefault("20s")
        Duration timeout();

        default boolean isConfigured() {
            return enabled().orElse(baseUrl().isPresent() || apiKey().isPresent());
        }
    }
}
