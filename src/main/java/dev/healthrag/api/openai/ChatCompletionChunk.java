package dev.healthrag.api.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * OpenAI's {@code chat.completion.chunk}, one SSE event of a stream. The last chunk with a choice carries the
 * finish reason and the same extension fields as {@link ChatCompletion} ({@code citations}, {@code mode});
 * with {@code stream_options.include_usage} one more chunk follows with no choices and the usage.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionChunk(String id, String object, long created, String model, List<Choice> choices,
                                  ChatCompletion.Usage usage, List<ChatCompletion.CitationView> citations,
                                  String mode, @JsonProperty("emergency_category") String emergencyCategory) {

    public static final String OBJECT = "chat.completion.chunk";

    /** {@code finish_reason} is written as null until the last chunk, as OpenAI does. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Choice(int index, Delta delta, @JsonProperty("finish_reason") String finishReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delta(String role, String content) {
    }
}
