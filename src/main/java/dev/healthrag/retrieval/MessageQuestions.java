package dev.healthrag.retrieval;

import dev.healthrag.text.Sentences;

import java.util.List;

/**
 * The questions of a message that asks several ("What causes X? And how is Y treated?"), each to search on its own
 * as well: searched as one text, the words of the question about the rarer or shorter-named condition weigh less
 * than the other's, and its article can drop out of the top results. A message that asks one question (however
 * long) has none: its sentences around the question are context, not other questions.
 */
public final class MessageQuestions {

    private static final int MAX_QUESTIONS = 4;

    private MessageQuestions() {
    }

    /** The message's sentences that end in "?", at most four, when there are two or more; else empty. */
    public static List<String> of(String message) {
        List<String> questions = Sentences.splitMessage(message).stream()
                .filter(sentence -> sentence.endsWith("?") && !QueryAnalyzer.words(sentence).isEmpty())
                .limit(MAX_QUESTIONS)
                .toList();
        return questions.size() >= 2 ? questions : List.of();
    }
}
