package dev.healthrag.retrieval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    private record Entry(String text, Pattern phrase, List<String> clinical) {
    }

    private final List<Entry> entries;

    private LayTerms(List<Entry> entries) {
        this.entries = entries;
    }

    public static LayTerms load() {
        try (InputStream in = LayTerms.class.getResourceAsStream("/lay-terms.txt")) {
            if (in == null) {
                throw new IllegalStateException("lay-terms.txt is missing from the class path");
            }
            List<Entry> entries = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int equals = line.indexOf('=');
                if (line.isBlank() || line.startsWith("#") || equals < 0) {
                    continue;
                }
                String phrase = line.substring(0, equals).strip().toLowerCase(Locale.ROOT);
                List<String> clinical = List.of(line.substring(equals + 1).split(";")).stream()
                        .map(String::strip).filter(s -> !s.isEmpty()).toList();
                entries.add(new Entry(phrase, Pattern.compile("(?<![\\p{L}\\p{Nd}])" + Pattern.quote(phrase)
                        + "(?![\\p{L}\\p{Nd}])"), clinical));
            }
            return new LayTerms(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                layWords.addAll(List.of(entry.text().split("[^\\p{L}\\p{Nd}]+")));
            }
        }
        return new Match(List.copyOf(terms), Set.copyOf(layWords));
    }
}
