package dev.healthrag.answer.triage;

/** Decides, before any retrieval, whether a message describes an emergency happening now. */
public interface EmergencyTriage {

    /** @param message the user's message as typed; never null */
    TriageDecision assess(String message);
}
