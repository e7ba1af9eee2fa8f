package dev.healthrag;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.Optional;

/** Every healthrag.* key; each is documented in application.properties. */
@ConfigMapping(prefix = "healthrag")
public interface HealthRagConfig {

    String disclaimer();

    Question question();

    Embedding embedding();

    Chunking chunking();

    Ingest ingest();

    Retrieval retrieval();

    Llm llm();

    Emergency emergency();

    PromptFiles prompt();

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

    /** Limits that keep one hostile or mistaken file from holding an ingest run's time and memory. */
    interface Ingest {
        /** Larger files are refused before they are read. */
        @WithDefault("5242880")
        long maxFileBytes();

        /** An article that needs more chunks is refused whole rather than cut short. */
        @WithDefault("500")
        int maxChunksPerArticle();
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

        @WithDefault("20")
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

        default boolean isConfigured() {
            return enabled().orElse(baseUrl().isPresent() || apiKey().isPresent());
        }
    }

    interface Emergency {
        @WithDefault("This sounds like it could be a medical emergency. Call your local emergency number now (for "
                + "example 911 in the US and Canada, 112 in the EU, 999 in the UK) or go to the nearest emergency "
                + "department. Do not wait for an online answer.")
        String emergencyNumber();

        @WithDefault("It sounds like you may be thinking about ending your life or hurting yourself, and you deserve "
                + "support right now. If you are in immediate danger, call your local emergency number (911, 112, "
                + "999). You can call or text a crisis line at any hour: 988 in the US and Canada, Samaritans on "
                + "116 123 in the UK and Ireland, or find your local line at https://findahelpline.com. If you can, "
                + "tell someone near you how you feel.")
        String crisisLine();

        @WithDefault("If someone has swallowed, breathed in or touched something poisonous, or taken too much of "
                + "a medicine, call your poison centre now (Poison Control: 1-800-222-1222 in the US) or your local "
                + "emergency number. If they are unconscious, having a seizure or struggling to breathe, call the "
                + "emergency number (911, 112, 999) at once. Do not make them vomit unless a professional tells "
                + "you to.")
        String poisonControl();
    }

    interface PromptFiles {
        /** A folder with system.txt and user.txt replacing the bundled prompt templates. */
        Optional<Path> directory();
    }
}
