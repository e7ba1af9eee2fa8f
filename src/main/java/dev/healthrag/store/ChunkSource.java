package dev.healthrag.store;

/** What a chosen chunk shows: its stored text, and its article's title and URL (null when it has none). */
public record ChunkSource(String text, String title, String url) {
}
