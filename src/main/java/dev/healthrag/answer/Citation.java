package dev.healthrag.answer;

/** One source an answer cites as [ref]. */
public record Citation(int ref, String articleId, String title, String url, String section, String snippet,
                       double score) {
}
