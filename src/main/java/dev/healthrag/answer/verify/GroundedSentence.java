package dev.healthrag.answer.verify;

import java.util.List;

/**
 * The verdict on one sentence: whether the sources support it, the sources that do ({@code refs}, numbered as
 * the caller numbered them), and why, in a few words ("quoted", "number 500 mg not in source 2", ...).
 */
public record GroundedSentence(String text, List<Integer> refs, boolean supported, String reason, String separator) {

    public GroundedSentence {
        refs = List.copyOf(refs);
    }

    public GroundedSentence withRefs(List<Integer> newRefs) {
        return new GroundedSentence(text, newRefs, supported, reason, separator);
    }
}
