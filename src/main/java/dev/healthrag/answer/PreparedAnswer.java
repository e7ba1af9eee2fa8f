package dev.healthrag.answer;

import dev.healthrag.answer.triage.TriageDecision;
import dev.healthrag.retrieval.Retrieval;
import dev.healthrag.retrieval.RetrievedChunk;

import java.util.List;

/**
 * Everything decided before generation: the triage verdict, the query retrieval ran, what it found, the
 * sources an answer may cite (numbered [1]..[n] in this order) and the prompt (null when no model is asked).
 * When the answer is already known (an emergency, or nothing relevant), {@code settled} holds it.
 * {@code timings} holds how long the stages so far took.
 */
public record PreparedAnswer(AnswerRequest request, TriageDecision triage, String query, Retrieval retrieval,
                             List<RetrievedChunk> sources, Prompt prompt, Answer settled, StageTimings timings) {

    public PreparedAnswer {
        sources = List.copyOf(sources);
        timings = timings == null ? StageTimings.NONE : timings;
    }

    public PreparedAnswer(AnswerRequest request, TriageDecision triage, String query, Retrieval retrieval,
                          List<RetrievedChunk> sources, Prompt prompt, Answer settled) {
        this(request, triage, query, retrieval, sources, prompt, settled, StageTimings.NONE);
    }

    public boolean isSettled() {
        return settled != null;
    }

    public List<RetrievedChunk> retrieved() {
        return retrieval == null ? List.of() : retrieval.chunks();
    }
}
