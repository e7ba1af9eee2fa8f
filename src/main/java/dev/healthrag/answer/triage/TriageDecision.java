package dev.healthrag.answer.triage;

import dev.healthrag.embedding.EmbeddedQuery;

/**
 * Whether a message describes an emergency happening now, the category it matched (null when none), the
 * score the decision was taken on, a short reason for developers and metrics, and the message's vector as
 * triage embedded it (null when it embedded none), so retrieval need not embed the same text again.
 */
public record TriageDecision(boolean emergency, EmergencyCategory category, double score, String reason,
                             EmbeddedQuery message) {

    public TriageDecision(boolean emergency, EmergencyCategory category, double score, String reason) {
        this(emergency, category, score, reason, null);
    }

    public static TriageDecision notEmergency(double score, String reason) {
        return new TriageDecision(false, null, score, reason);
    }

    public static TriageDecision emergency(EmergencyCategory category, double score, String reason) {
        return new TriageDecision(true, category, score, reason);
    }

    /** This decision, carrying the message's vector as triage embedded it. */
    public TriageDecision withMessage(EmbeddedQuery embedded) {
        return new TriageDecision(emergency, category, score, reason, embedded);
    }
}
