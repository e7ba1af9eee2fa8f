package dev.healthrag.answer;

/** The messages sent to the model, kept so developers can see exactly what was asked. */
public record Prompt(String system, String user) {
}
