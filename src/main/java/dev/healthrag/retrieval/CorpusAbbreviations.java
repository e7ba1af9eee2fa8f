package dev.healthrag.retrieval;

import dev.healthrag.store.Abbreviation;
import dev.healthrag.store.AbbreviationIndex;
import dev.healthrag.store.NameText;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The abbreviations the corpus defines, in memory, reloaded when the vocabulary version moves on (like
 * {@link CorpusVocabulary}), and the long forms of the short forms a question writes.
 */
@ApplicationScoped
public class CorpusAbbreviations {

    /** Long forms a short form may expand to: the most defined one, and one more if nearly as common. */
    private static final int MAX_LONG_FORMS = 2;
    /** Long forms one question gains at most: a message full of capitals must not drown its own words. */
    private static final int MAX_EXPANSIONS = 8;

    private final AbbreviationIndex index;
    private volatile Loaded loaded;

    public CorpusAbbreviations(AbbreviationIndex index) {
        this.index = index;
    }

    private record Loaded(long version, Map<String, List<AbbreviationIndex.Definition>> byShortKey) {
    }

    /**
     * The long forms of the short forms written in {@code question}, in the question's order, without those it
     * already spells out. A word counts as a short form when the corpus defines it and it is written as one: with
     * two or more capitals ("NPH", "HbA1c") in a message that is not written in capitals throughout, or in lower
     * case when it is no English word ("copd", but not "all" or "cat").
     *
     * @param version     the vocabulary version the question's word counts were read with
     * @param englishWord whether a lower-case word is a correctly spelt English word
     */
    public List<String> longForms(String question, long version, Predicate<String> englishWord) {
        Map<String, List<AbbreviationIndex.Definition>> byShortKey = current(version).byShortKey();
        if (byShortKey.isEmpty()) {
            return List.of();
        }
        String normalized = " " + NameText.normalize(question) + " ";
        boolean shouting = isShouting(question);
        Set<String> longForms = new LinkedHashSet<>();
        for (String token : question.split("[\\s,;:()\\[\\]\"?!]+")) {
            String word = strip(token);
            String key = Abbreviation.key(word);
            List<AbbreviationIndex.Definition> definitions = byShortKey.get(key);
            if (definitions == null || !writtenAsShortForm(word, shouting, englishWord)) {
                continue;
            }
            int top = definitions.get(0).articles();
            for (int i = 0; i < Math.min(MAX_LONG_FORMS, definitions.size()) && longForms.size() < MAX_EXPANSIONS; i++) {
                AbbreviationIndex.Definition definition = definitions.get(i);
                if (2 * definition.articles() < top) {
                    break;
                }
                if (!normalized.contains(" " + NameText.normalize(definition.longForm()) + " ")) {
                    longForms.add(definition.longForm().toLowerCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(longForms);
    }

    static boolean writtenAsShortForm(String word, boolean shouting, Predicate<String> englishWord) {
        long capitals = word.chars().filter(Character::isUpperCase).count();
        if (capitals >= 2) {
            return !shouting;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.length() >= 2 && !Terms.isStopWord(lower) && !englishWord.test(lower);
    }

    /** Most letters in capitals: then capitals say nothing about which words are abbreviations. */
    private static boolean isShouting(String question) {
        long letters = question.chars().filter(Character::isLetter).count();
        long capitals = question.chars().filter(Character::isUpperCase).count();
        return letters >= 12 && capitals * 2 > letters;
    }

    private static String strip(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && !Character.isLetterOrDigit(token.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(token.charAt(end - 1))) {
            end--;
        }
        return token.substring(start, end);
    }

    private Loaded current(long version) {
        Loaded now = loaded;
        if (now == null || now.version() != version) {
            synchronized (this) {
                now = loaded;
                if (now == null || now.version() != version) {
                    now = load();
                    loaded = now;
                }
            }
        }
        return now;
    }

    private Loaded load() {
        AbbreviationIndex.Snapshot snapshot = index.load();
        Map<String, List<AbbreviationIndex.Definition>> byShortKey = new HashMap<>();
        for (AbbreviationIndex.Definition definition : snapshot.definitions()) {
            byShortKey.computeIfAbsent(definition.shortKey(), key -> new ArrayList<>()).add(definition);
        }
        byShortKey.values().forEach(list -> list.sort(
                Comparator.comparingInt(AbbreviationIndex.Definition::articles).reversed()
                        .thenComparing(AbbreviationIndex.Definition::longForm)));
        byShortKey.replaceAll((key, list) -> List.copyOf(list));
        return new Loaded(snapshot.version(), Map.copyOf(byShortKey));
    }
}
