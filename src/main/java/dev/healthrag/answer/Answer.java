package dev.healthrag.answer;

import dev.healthrag.answer.triage.TriageDecision;
import dev.healthrag.answer.verify.GroundedSentence;

import java.util.List;

/**
 * An answer in parts, for a channel's renderer to assemble: the body with its [n] markers, the sources they
 * refer to, how each sentence is grounded, the emergency guidance (null unless triage fired) and the fixed
 * disclaimer. No part already contains another, so no channel can drop the disclaimer by taking the body.
 */
public record Answer(AnswerMode mode, String body, List<Citation> citations, List<GroundedSentence> grounding,
                     String emergencyNotice, String disclaimer, TriageDecision triage, AnswerTrace trace) {

    public Answer {
        citations = List.copyOf(citations);
        grounding = List.copyOf(grounding);
    }

    /** This answer with another trace (the debug view of how it was made). */
    public Answer withTrace(AnswerTrace newTrace) {
        return new Answer(mode, body, citations, grounding, emergencyNotice, disclaimer, triage, newTrace);
    }

    public boolean emergency() {
        return emergencyNotice != null;
    }
}
