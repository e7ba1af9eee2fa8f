package dev.healthrag.answer.triage;

/**
 * Whether a message describes an emergency happening now, the category it matched (null when none), the
 * score the decision was taken on, and a short reason for developers and metrics.
 */
public record TriageDecision(boolean emergency, EmergencyCategory category, double score, String reason) {

    public static TriageDecision notEmergency(double score, String reason) {
        return new TriageDecision(false, null, score, reason);
    }

    public static TriageDecision emergency(EmergencyCategory category, double score, String reason) {
        return new TriageDecision(true, category, score, reason);
    }
}
