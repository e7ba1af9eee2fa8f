package dev.healthrag.answer.verify;

import dev.healthrag.retrieval.RetrievedChunk;
import dev.healthrag.retrieval.Terms;
import dev.healthrag.text.ListItems;
import dev.healthrag.text.Sentences;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One numbered source as the verifier reads it: its sentences (list lines count as sentences) and numbers. */
final class Passage {

    private final int ref;
    private final List<SourceSentence> sentences;
    private final String normalised;
    private final String vocabularyText;
    private Quantities quantities;
    private Set<String> vocabulary;
    private final Set<String> titleTerms;
    private final Set<String> titleRoots;

    private Passage(int ref, List<SourceSentence> sentences, String vocabularyText) {
        this.ref = ref;
        this.sentences = sentences;
        this.vocabularyText = vocabularyText;
        this.titleTerms = new HashSet<>();
        this.titleRoots = new HashSet<>();
        this.normalised = ClaimText.normalise(String.join(" ", sentences.stream().map(SourceSentence::text).toList()));
    }

    static Passage of(int ref, RetrievedChunk source) {
        List<SourceSentence> sentences = new ArrayList<>();
        for (String line : source.text().split("\\n")) {
            String trimmed = ListItems.withoutMarker(line.strip()).replaceFirst("^#+\\s+", "");
            if (!trimmed.isEmpty()) {
                Sentences.split(trimmed).forEach(sentence -> sentences.add(new SourceSentence(ref, sentence)));
            }
        }
        Passage passage = new Passage(ref, List.copyOf(sentences),
                String.join(" ", nonNull(source.title()), nonNull(source.heading()), source.text()));
        passage.titleTerms.addAll(Terms.of(nonNull(source.title())));
        for (String word : ClaimText.tokens(ClaimText.normalise(nonNull(source.title())))) {
            if (word.length() > 3 && !Terms.isStopWord(word)) {
                passage.titleRoots.add(ClaimText.root(word));
            }
        }
        return passage;
    }

    int ref() {
        return ref;
    }

    List<SourceSentence> sentences() {
        return sentences;
    }

    /** The whole passage in quotable form, for a quotation that runs over a sentence end. */
    String normalised() {
        return normalised;
    }

    /** Roots of every word of the passage, its title and heading: what a draft may name from this source. */
    Set<String> vocabulary() {
        if (vocabulary == null) {
            vocabulary = new HashSet<>();
            ClaimText.tokens(ClaimText.normalise(vocabularyText)).forEach(word -> vocabulary.add(ClaimText.root(word)));
        }
        return vocabulary;
    }

    /** Content words of the source's title ({@link Terms}): the topic every sentence of it shares. */
    Set<String> titleTerms() {
        return titleTerms;
    }

    /** Roots of the title's longer content words, the name of the topic. */
    Set<String> titleRoots() {
        return titleRoots;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    Quantities quantities() {
        if (quantities == null) {
            quantities = Quantities.of(normalised);
        }
        return quantities;
    }
}
