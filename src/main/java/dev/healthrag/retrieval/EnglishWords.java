package dev.healthrag.retrieval;

import java.util.Set;

/**
 * Correctly spelt English words (SCOWL, see {@code english-words.txt}). A word missing from the health articles
 * is usually an everyday word spelt right ("steak", "husband"), not a misspelling: the spelling corrector
 * leaves these alone; the grounding verifier takes a word of a draft that is neither in its source nor an everyday
 * word to be a name the source never mentions.
 */
public final class EnglishWords {

    private final Set<String> words;

    private EnglishWords(Set<String> words) {
        this.words = words;
    }

    public static EnglishWords load() {
        return new EnglishWords(Set.copyOf(ResourceLines.read("english-words.txt")));
    }

    /** Whether {@code word} (lower case) is a correctly spelt English word. */
    public boolean contains(String word) {
        return words.contains(word);
    }
}
