package dev.healthrag.embedding;

import java.util.Objects;

/**
 * A query text and the vector {@link Embedder#embedQuery} gave for exactly that text, so a later step that would
 * embed the same text can take the vector instead of running the model again.
 */
public record EmbeddedQuery(String text, float[] vector) {

    public EmbeddedQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(vector, "vector");
    }

    /** The vector when this is the embedding of {@code query} as it stands, else null. */
    public float[] vectorFor(String query) {
        return text.equals(query) ? vector : null;
    }
}
