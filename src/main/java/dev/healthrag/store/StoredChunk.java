package dev.healthrag.store;

/** One chunk row: the text users see and the vector it was embedded to. */
public record StoredChunk(int position, String heading, String text, int tokenCount, float[] embedding) {
}
