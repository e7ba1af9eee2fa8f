package dev.healthrag.retrieval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps the words people use ("sugar", "water pills", "pink eye") to the clinical terms articles use
 * ("diabetes", "diuretics", "conjunctivitis"), from the vocabulary in {@code lay-terms.txt}.
 */
public final class LayTerms {

    private record Entry(String text, Pattern phrase, List<String> clinical, List<String> words) {
    }

    private final List<Entry> entries;

    private LayTerms(List<Entry> entries) {
        this.entries = entries;
    }

    /** No lay phrases at all: what retrieval uses with {@code healthrag.retrieval.lay-terms=false}. */
    public static LayTerms none() {
        return new LayTerms(List.of());
    }

    public static LayTerms load() {
        List<Entry> entries = new ArrayList<>();
        for (String line : ResourceLines.read("lay-terms.txt")) {
            int equals = line.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String phrase = line.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            List<String> clinical = List.of(line.substring(equals + 1).split(";")).stream()
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            entries.add(new Entry(phrase, Pattern.compile("(?<![\\p{L}\\p{Nd}])" + Pattern.quote(phrase)
                    + "(?![\\p{L}\\p{Nd}])"), clinical, List.of(phrase.split("[^\\p{L}\\p{Nd}]+"))));
        }
        return new LayTerms(entries);
    }

    /**
     * The lay phrases found in a text: their clinical terms (in vocabulary order, without repeats, leaving out
     * those the text already uses) and the words of the phrases themselves, which are understood as they are.
     */
    public record Match(List<String> clinicalTerms, Set<String> layWords) {
    }

    public Match match(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        Set<String> terms = new LinkedHashSet<>();
        Set<String> layWords = new LinkedHashSet<>();
        for (Entry entry : entries) {
            // The substring test is cheap and rules out almost every phrase before the word-boundary regex runs.
            if (lower.contains(entry.text()) && entry.phrase().matcher(lower).find()) {
                entry.clinical().stream().filter(term -> !lower.contains(term)).forEach(terms::add);
                layWords.addAll(entry.words());
            }
        }
        return new Match(List.copyOf(terms), Set.copyOf(layWords));
    }
}
