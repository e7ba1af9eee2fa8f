package dev.healthrag.api;

/** Every error body: what went wrong, and the disclaimer, which no response goes without. */
public record ErrorResponse(int status, String error, String disclaimer) {
}
