package dev.healthrag.answer;

/** The model's raw text, before verification, and the tokens it reported (null when it reported none). */
public record ModelReply(String text, TokenCount tokens) {
}
