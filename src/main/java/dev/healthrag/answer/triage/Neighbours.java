package dev.healthrag.answer.triage;

/**
 * What the exemplars nearest a message say: the mean cosine similarity of its k nearest emergency exemplars and
 * of its k nearest informational ones, and the emergency category those nearest emergency exemplars favour
 * (their similarities summed per category).
 */
public record Neighbours(double emergency, double informational, EmergencyCategory category) {

    /** How much closer the message is to emergencies than to informational messages: the model's main feature. */
    public double margin() {
        return emergency - informational;
    }
}
