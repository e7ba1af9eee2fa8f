package dev.healthrag.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.healthrag.answer.AnswerMode;
import dev.healthrag.answer.Citation;
import dev.healthrag.answer.Prompt;

import java.util.List;

/** Body of a /api/chat answer; {@code retrieved} and {@code prompt} appear only with ?debug=true. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatResponse(String answer, List<Citation> citations, String disclaimer, String conversationId,
                           AnswerMode mode, boolean emergency, List<SearchResult> retrieved, Prompt prompt) {
}
