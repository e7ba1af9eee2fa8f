package dev.healthrag.answer;

import dev.healthrag.retrieval.RetrievedChunk;

import java.util.List;

/**
 * What every channel renders. {@code text} already ends with the disclaimer; {@code retrieved} and
 * {@code prompt} (null when no model was asked) are for developers.
 */
public record Answer(String text, List<Citation> citations, AnswerMode mode, String disclaimer, boolean emergency,
                     List<RetrievedChunk> retrieved, Prompt prompt) {
}
