package dev.healthrag.conversation;

/** One source a turn's answer cited as [number]. */
public record CitedSource(int number, String title, String url, String articleId) {
}
