package dev.healthrag.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * Body of POST /api/chat. Only {@code question} is required. Parsing is strict about types (a number is not a
 * string, 5.5 is not an integer) and about the document (one object, nothing after it); unknown fields are
 * ignored, so a newer client still works with this server.
 */
public record ChatRequest(@JsonDeserialize(using = StrictJson.Text.class) String question,
                          @JsonDeserialize(using = StrictJson.Text.class) String conversationId,
                          @JsonDeserialize(using = StrictJson.WholeNumber.class) Integer topK,
                          Filters filters) {
}
