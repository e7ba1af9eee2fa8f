package dev.healthrag.api.openai;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * OpenAI's {@code chat.completion} object, plus two extension fields OpenAI clients ignore and others can read:
 * {@code citations} (the sources the content's [n] markers refer to) and {@code mode} (llm, extractive,
 * no_answer or emergency, as on /api/chat), with {@code emergency_category} when triage fired.
 */
public record ChatCompletion(String id, String object, long created, String model, List<Choice> choices,
                             Usage usage, List<CitationView> citations, String mode,
                             @JsonProperty("emergency_category") String emergencyCategory) {

    public static final String OBJECT = "chat.completion";

    public record Choice(int index, AssistantMessage message, Object logprobs,
                         @JsonProperty("finish_reason") String finishReason) {
    }

    public record AssistantMessage(String role, String content, Object refusal) {
    }

    /** Estimated token counts (see {@link ChatCompletionMapper}): this service does not tokenize. */
    public record Usage(@JsonProperty("prompt_tokens") int promptTokens,
                        @JsonProperty("completion_tokens") int completionTokens,
                        @JsonProperty("total_tokens") int totalTokens) {
    }

    /** One source, numbered as the content's [n] markers and its Sources list number it. */
    public record CitationView(int number, String title, String url) {
    }
}
