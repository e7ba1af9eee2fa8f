package dev.healthrag.answer;

import dev.healthrag.retrieval.RetrievedChunk;

import java.util.List;

/**
 * How an answer was made, for developers testing prompts (shown with ?debug=true): the query retrieval ran,
 * the model's search query retrieval ran beside it (null when none), the chunks it returned, the prompt sent to the model (null when none was asked), the model's raw output
 * before verification (null when none), why the answer fell back from the model (null when it did not), how
 * long each stage took, and the tokens the model reported (null when none).
 */
public record AnswerTrace(String query, String alternativeQuery, List<RetrievedChunk> retrieved, Prompt prompt, String modelOutput,
                          String fallbackReason, StageTimings timings, TokenCount tokens) {

    public static final AnswerTrace NONE = new AnswerTrace(null, List.of(), null, null, null);

    public AnswerTrace {
        retrieved = List.copyOf(retrieved);
        timings = timings == null ? StageTimings.NONE : timings;
    }

    public AnswerTrace(String query, List<RetrievedChunk> retrieved, Prompt prompt, String modelOutput,
                       String fallbackReason) {
        this(query, null, retrieved, prompt, modelOutput, fallbackReason, StageTimings.NONE, null);
    }

    public AnswerTrace withTimings(StageTimings newTimings) {
        return new AnswerTrace(query, alternativeQuery, retrieved, prompt, modelOutput, fallbackReason, newTimings,
                tokens);
    }
}
