package dev.healthrag.store;

/** The embedding model and dimension the stored vectors were made with. */
public record IndexInfo(String embeddingModel, int dimension) {
}
