package dev.healthrag.retrieval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Correctly spelt English words (SCOWL, see {@code english-words.txt}). A word missing from the health articles
 * is usually an everyday word spelt right ("steak", "husband"), not a misspelling: the spelling corrector
 * leaves these alone.
 */
final class EnglishWords {

    private final Set<String> words;

    private EnglishWords(Set<String> words) {
        this.words = words;
    }

    static EnglishWords load() {
        try (InputStream in = EnglishWords.class.getResourceAsStream("/english-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("english-words.txt is missing from the class path");
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip());
                }
            }
            return new EnglishWords(Set.copyOf(words));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code word} (lower case) is a correctly spelt English word. */
    boolean contains(String word) {
        return words.contains(word);
    }
}
