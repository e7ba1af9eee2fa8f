package dev.healthrag.answer.verify;

import dev.healthrag.retrieval.Terms;

import java.util.HashSet;
import java.util.Set;

/** One sentence of a source, with what the checks read from it; polarity and qualifiers only when asked for. */
final class SourceSentence {

    private final int ref;
    private final String text;
    private final String normalised;
    private final Set<String> terms;
    private Polarity polarity;
    private Set<String> qualifiers;

    SourceSentence(int ref, String text) {
        this.ref = ref;
        this.text = text;
        this.normalised = ClaimText.quotable(text);
        this.terms = new HashSet<>(Terms.of(text));
    }

    int ref() {
        return ref;
    }

    String text() {
        return text;
    }

    String normalised() {
        return normalised;
    }

    Set<String> terms() {
        return terms;
    }

    Polarity polarity() {
        if (polarity == null) {
            polarity = Polarity.of(normalised);
        }
        return polarity;
    }

    Set<String> qualifiers() {
        if (qualifiers == null) {
            qualifiers = Qualifiers.of(normalised);
        }
        return qualifiers;
    }
}
