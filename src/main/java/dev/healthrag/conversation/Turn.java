package dev.healthrag.conversation;

import java.time.Instant;
import java.util.List;

/**
 * One question of a conversation and its answer as stored: its number (from 1), the question, the query
 * retrieval ran for it (null when none ran), the answer's body with its [n] markers, the sources those refer
 * to, the answer's mode (llm, extractive, no_answer, emergency) and when it was answered.
 */
public record Turn(int number, String question, String rewrittenQuery, String answerBody,
                   List<CitedSource> citations, String mode, Instant createdAt) {

    public Turn {
        citations = List.copyOf(citations);
    }
}
