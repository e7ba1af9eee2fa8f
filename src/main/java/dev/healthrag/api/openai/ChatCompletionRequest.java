package dev.healthrag.api.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.healthrag.api.StrictJson;

import java.util.List;

/**
 * Body of POST /v1/chat/completions, as OpenAI defines it; only the fields this channel reads or refuses are
 * declared. Every other field (temperature, top_p, max_tokens, user, stop, seed, ...) is accepted and ignored:
 * the answer comes from the articles, never from sampling settings. Types are strict like /api's (a number is not
 * a string), so a client bug is a 400 naming the field.
 */
public record ChatCompletionRequest(@JsonDeserialize(using = StrictJson.Text.class) String model,
                                    List<Message> messages,
                                    @JsonDeserialize(using = StrictJson.Flag.class) Boolean stream,
                                    @JsonProperty("stream_options") StreamOptions streamOptions,
                                    @JsonDeserialize(using = StrictJson.WholeNumber.class) Integer n,
                                    JsonNode tools,
                                    JsonNode functions) {

    /**
     * One message. {@code content} is a string or an array of parts ({@code {"type": "text", "text": ...}}), so
     * it is read as JSON and interpreted by the mapper; name, tool_calls and the rest are ignored.
     */
    public record Message(@JsonDeserialize(using = StrictJson.Text.class) String role, JsonNode content) {
    }

    /** {@code include_usage}: a last chunk with the usage, as OpenAI sends it. */
    public record StreamOptions(@JsonProperty("include_usage") @JsonDeserialize(using = StrictJson.Flag.class)
                                Boolean includeUsage) {
    }
}
