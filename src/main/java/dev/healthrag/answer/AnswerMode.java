package dev.healthrag.answer;

import java.util.Locale;

/** Which path produced an answer; reported to clients so they can tell a model's answer from a fallback. */
public enum AnswerMode {
    /** The model's answer, every kept sentence checked against the source it cites. */
    LLM,
    /** Passages quoted from the sources, when no model is configured or the model's answer could not be used. */
    EXTRACTIVE,
    /** Nothing in the articles is relevant enough to answer from. */
    NO_ANSWER,
    /** The message describes an emergency happening now: fixed guidance only, nothing generated. */
    EMERGENCY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
