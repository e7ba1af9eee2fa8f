package dev.healthrag.store;

public record IndexCounts(long articles, long chunks) {
}
