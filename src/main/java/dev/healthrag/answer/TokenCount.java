package dev.healthrag.answer;

/** Tokens one model call used, as the model reported them; a count it did not report is null. */
public record TokenCount(Integer prompt, Integer completion, Integer total) {
}
