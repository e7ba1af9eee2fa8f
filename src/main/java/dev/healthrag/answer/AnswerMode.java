package dev.healthrag.answer;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Which path produced an answer; reported to clients so they can tell a model's answer from a fallback. */
public enum AnswerMode {
    LLM, EXTRACTIVE, NO_ANSWER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
