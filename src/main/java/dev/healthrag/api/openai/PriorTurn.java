package dev.healthrag.api.openai;

/**
 * One earlier exchange of the conversation a client sent in {@code messages}: a user's question and the
 * assistant's answer that followed it (null when the client sent none, e.g. two user messages in a row).
 */
public record PriorTurn(String question, String answer) {
}
