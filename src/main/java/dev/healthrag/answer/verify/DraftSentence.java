package dev.healthrag.answer.verify;

import java.util.List;

/**
 * One sentence (or list line) of a draft answer: its text without markers, the sources it cites by their
 * number in the prompt, and what separates it from the previous one ("", " ", "\n" or "\n\n").
 */
public record DraftSentence(String text, List<Integer> cited, String separator) {

    public DraftSentence {
        cited = List.copyOf(cited);
    }
}
