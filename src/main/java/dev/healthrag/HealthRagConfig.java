package dev.healthrag;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
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

    Triage triage();

    PromptFiles prompt();

    Api api();

    OpenAi openai();

    Verification verification();

    Stream stream();

    Conversation conversation();

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

        /** RRF weight of a message's subject line searched on its own (0: not searched apart). */
        @WithDefault("0")
        double subjectWeight();

        /** RRF weight of each question of a message that asks several, searched on its own (0: not apart). */
        @WithDefault("0.5")
        double questionWeight();

        /**
         * RRF weight of the leading articles ranked again by all their stored chunk vectors (0: not ranked); every
         * chunk of a ranked article gains alike.
         */
        @WithDefault("2")
        double articleWeight();

        /** How many leading articles of the fusion are ranked again as whole articles. */
        @WithDefault("20")
        int articleCandidates();

        /** How many of an article's chunks closest to the question its whole-article score averages. */
        @WithDefault("2")
        int articleSections();

        /** Megabytes of the leading articles' chunk vectors kept in memory for that ranking (0: read each time). */
        @WithDefault("48")
        int articleVectorsMb();

        /** Whether a question's short forms that the corpus defines gain their long forms. */
        @WithDefault("true")
        boolean abbreviations();

        /** Whether lay words gain the clinical terms of lay-terms.txt. */
        @WithDefault("true")
        boolean layTerms();

        int efSearch();

        @WithDefault("true")
        boolean expandNeighbours();

        /** Questions retrieved at once; 0 means one more than the cores. */
        @WithDefault("0")
        int concurrency();

        /** Questions that may wait for a slot; one more is refused at once. 0 means four per slot. */
        @WithDefault("0")
        int maxQueueLength();

        /** The longest a question waits for a slot before it is refused. */
        @WithDefault("2s")
        Duration maxQueueWait();
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

        /**
         * The longest one answer waits for the model, its retries and its wait for a free call included; past it
         * the answer is extractive. Also the HTTP client's read timeout, which alone would only bound the gap
         * between two reads.
         */
        @WithDefault("20s")
        Duration deadline();

        LlmRetry retry();

        LlmBreaker breaker();

        LlmBulkhead bulkhead();

        /**
         * The longest retrieval waits for the model to rewrite a message into a search query (a follow-up
         * condensed with its conversation, or a message's clinical search query); past it retrieval goes on
         * without the model's query. Short, because every answer waits for it before anything is searched.
         */
        @WithDefault("3s")
        Duration rewriteDeadline();

        LlmSearchQuery searchQuery();

        /** Whether messages are also searched as the model's clinical search query. */
        default boolean writesSearchQueries() {
            return isConfigured() && searchQuery().enabled() && searchQuery().weight() > 0;
        }
    }

    /** The model's clinical search query for a new message, searched beside the message's own words. */
    interface LlmSearchQuery {
        /** Off: messages are searched only as they are written (and analysed), even with a model. */
        @WithDefault("true")
        boolean enabled();

        /** Shorter messages are already a query: the model's round trip would add latency, not meaning. */
        @WithDefault("12")
        int minWords();

        /** Weight in the fusion of each of its ranked lists (dense, full text, names); the message's weigh 1. */
        @WithDefault("1.0")
        double weight();
    }

    /** Retries of a model call that failed with 429 or 5xx, within the answer's deadline. */
    interface LlmRetry {
        /** Retries after the first call; 0 turns retrying off. */
        @WithDefault("2")
        int maxRetries();

        /** Pause before the first retry; each further pause doubles it. A longer Retry-After is honoured. */
        @WithDefault("500ms")
        Duration delay();
    }

    /** The circuit breaker in front of the model: open, every answer is extractive without calling it. */
    interface LlmBreaker {
        /** Model calls in the rolling window the failure ratio is taken over. */
        @WithDefault("10")
        int requestVolume();

        /** Share of failed calls in the window at or above which the breaker opens. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before one trial call may close it again. */
        @WithDefault("30s")
        Duration delay();
    }

    /** Model calls at once, and callers that may wait for one; beyond both, the answer is extractive at once. */
    interface LlmBulkhead {
        @WithDefault("8")
        int size();

        /** At least 1. */
        @WithDefault("16")
        int queue();
    }

    interface Triage {
        /** Probability of an emergency at or above which a message gets the fixed emergency guidance. */
        @WithDefault("0.4")
        double threshold();

        /** Nearest emergency and nearest informational exemplars averaged into the margin. */
        @WithDefault("3")
        int neighbours();

        /** How much nearer the emergency exemplars than the informational ones a message must be to be an emergency. */
        @WithDefault("0.01")
        double minMargin();

        /**
         * The probability a statement of a long message read alone must reach: above {@link #threshold()}, since of
         * a message's several statements one clears a bar by chance more often than the whole message does.
         */
        @WithDefault("0.5")
        double statementThreshold();
    }

    interface Emergency {
        @WithDefault("This sounds like it could be a medical emergency. Call your local emergency number now (for "
                + "example 911 in the US and Canada, 112 in the EU, 999 in the UK) or go to the nearest emergency "
                + "department. Do not wait for an online answer.")
        String emergencyNumber();

        @WithDefault("It sounds like you may be thinking about ending your life or hurting yourself, and you deserve "
                + "support right now. If you or anyone with you is in immediate danger, call your local emergency "
                + "number now (911, 112, 999). You can call or text a crisis line at any hour: 988 in the US and "
                + "Canada, Samaritans on 116 123 in the UK and Ireland, or find your local line at "
                + "https://findahelpline.com. If you can, tell someone near you how you feel.")
        String crisisLine();

        @WithDefault("If someone has swallowed, breathed in or touched something poisonous, or taken too much of "
                + "a medicine, call your poison centre now (Poison Control: 1-800-222-1222 in the US) or your local "
                + "emergency number. If they are unconscious, having a seizure or struggling to breathe, call the "
                + "emergency number (911, 112, 999) at once. Do not make them vomit unless a professional tells "
                + "you to. If it was taken on purpose, call the emergency number, and a crisis line can help too: "
                + "988 in the US and Canada, Samaritans on 116 123 in the UK and Ireland.")
        String poisonControl();
    }

    /** What the HTTP API accepts from a client, and what it tells one when the database is down. */
    interface Api {
        /** ?debug=true on /api/chat; off by default because it exposes the prompt and the retrieved chunks. */
        @WithDefault("false")
        boolean debugEnabled();

        /** Tags one request may filter on. */
        @WithDefault("20")
        int maxTags();

        /** Characters in one filter value (a category, a source, a tag, a date). */
        @WithDefault("200")
        int maxFilterLength();

        /** Characters in a conversationId, checked before its form (a UUID), so an over-long one is described, not parsed. */
        @WithDefault("128")
        int maxConversationIdLength();

        /** Characters in a request's URI (path and query) before a 414. */
        @WithDefault("32768")
        int maxUriLength();

        /** The Retry-After of a 503, in seconds. */
        @WithDefault("5")
        int retryAfterSeconds();

        /** Longest a client may take to send a request's body, from its headers on, before a 408 and a close. */
        @WithDefault("10s")
        Duration bodyReadTimeout();
    }

    /** The OpenAI-compatible channel, /v1/chat/completions. */
    interface OpenAi {
        /** How often a stream that is still waiting for its verified answer sends an SSE comment, so proxies keep it open. */
        @WithDefault("10s")
        Duration keepAlive();
    }

    /** The grounding verifier's thresholds (calibrated with ./healthrag grounding-eval --calibrate). */
    interface Verification {
        @WithDefault("0.80")
        double minSimilarity();

        @WithDefault("0.50")
        double minOverlap();

        @WithDefault("2")
        int minSharedTerms();

        @WithDefault("3")
        int candidatesPerSource();
    }

    /** POST /api/chat/stream: how long the model may stream, and how often an idle stream says it is alive. */
    interface Stream {
        /** The longest the model may take to finish its streamed answer before the stream answers extractively. */
        @WithDefault("60s")
        Duration modelDeadline();

        /** Interval of the SSE keep-alive comments sent while a stream is open. */
        @WithDefault("10s")
        Duration keepAliveInterval();
    }

    /** Conversations kept in the database (conversationId): how long, and how much of one a follow-up sees. */
    interface Conversation {
        /** Days a conversation's turns are kept; older turns are purged, and a conversation with none left goes. */
        @WithDefault("30")
        int retentionDays();

        /** How often the purge runs (each instance runs it; deleting what is already gone is a no-op). */
        @WithDefault("1h")
        Duration purgeInterval();

        /** Latest turns of a conversation given to a follow-up as its context (the rewriter's history). */
        @WithDefault("4")
        int maxContextTurns();
    }

    interface PromptFiles {
        /** A folder with system.txt and user.txt replacing the bundled prompt templates. */
        Optional<Path> directory();
    }
}
