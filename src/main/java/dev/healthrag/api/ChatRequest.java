package dev.healthrag.api;

/** Body of POST /api/chat. Only {@code question} is required. */
public record ChatRequest(String question, String conversationId, Integer topK, Filters filters) {
}
