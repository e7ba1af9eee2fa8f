package dev.healthrag.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one sentence splitter: chunking, extractive answers and the grounding check must agree on where a
 * sentence ends. A missed boundary only makes a sentence longer, while a false one cuts it in two, so
 * every doubtful case ("Dr.", "U.S.", "e.g. ibuprofen", "1.5") is treated as no boundary.
 */
public final class Sentences {

    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "drs", "prof", "sr", "jr",
            "st", "mt", "vs", "fig", "figs", "approx", "dept", "est", "inc", "ltd", "co", "corp", "gen", "gov",
            "rev", "sen", "rep", "cf", "al", "vol", "pp", "ed", "eds", "jan", "feb", "mar", "apr", "jun", "jul",
            "aug", "sep", "sept", "oct", "nov", "dec", "ph", "no", "nos", "ref", "resp", "min", "max");
    private static final String CLOSERS = ".!?\"'\u201D\u2019)]";
    private static final String OPENERS = "\"'\u201C\u2018([";

    private Sentences() {
    }

    /** The sentences of one paragraph (a text without line breaks that matter), stripped, in order. */
    public static List<String> split(String paragraph) {
        return split(paragraph, false);
    }

    /**
     * The sentences of a message as people type it, stripped, in order: each line on its own, and a sentence may
     * start in lower case ("my son fell. now he won't wake up"), since many messages have no capitals at all.
     * Abbreviations, initials and decimals hold as in {@link #split(String)}, so "dr. patel said" stays one.
     */
    public static List<String> splitMessage(String message) {
        List<String> out = new ArrayList<>();
        for (String line : message.split("\\R")) {
            if (!line.isBlank()) {
                out.addAll(split(line, true));
            }
        }
        return out;
    }

    private static List<String> split(String paragraph, boolean anyCase) {
        List<String> out = new ArrayList<>();
        String p = paragraph.strip();
        int start = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int end = i + 1;
            while (end < p.length() && CLOSERS.indexOf(p.charAt(end)) >= 0) {
                end++;
            }
            int next = end;
            while (next < p.length() && Character.isWhitespace(p.charAt(next))) {
                next++;
            }
            if (next == end || next >= p.length() || !(anyCase || startsSentence(p.charAt(next)))
                    || (c == '.' && isAbbreviation(p, start, i, next))) {
                i = end - 1;
                continue;
            }
            out.add(p.substring(start, end).strip());
            start = next;
            i = next - 1;
        }
        if (start < p.length()) {
            out.add(p.substring(start).strip());
        }
        return out;
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || OPENERS.indexOf(c) >= 0;
    }

    /** The word before the period at {@code dot}: a known abbreviation, dotted initials, or a name initial. */
    private static boolean isAbbreviation(String p, int sentenceStart, int dot, int next) {
        char nextChar = p.charAt(next);
        int from = dot;
        while (from > sentenceStart && !Character.isWhitespace(p.charAt(from - 1))) {
            from--;
        }
        String word = p.substring(from, dot).replaceAll("^[\\p{Punct}]+", "");
        if (word.isEmpty()) {
            return false;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.equals("no") || lower.equals("nos")) {
            return Character.isDigit(nextChar); // "No. 5" vs "the answer is no."
        }
        if (lower.equals("etc")) {
            return Character.isLowerCase(nextChar); // "etc. until" vs "and so on, etc. Then"
        }
        if (ABBREVIATIONS.contains(lower) || word.indexOf('.') > 0) {
            return true; // "Dr.", "U.S.", "e.g.", "Ph.D."
        }
        boolean initial = word.length() == 1 && Character.isUpperCase(word.charAt(0));
        return initial && (precededByName(p, sentenceStart, from) || isInitialAt(p, next));
    }

    /** "J. R. Smith": the next word is itself an initial. */
    private static boolean isInitialAt(String p, int i) {
        return i + 1 < p.length() && Character.isUpperCase(p.charAt(i)) && p.charAt(i + 1) == '.';
    }

    /** "John F. Kennedy" or "J. Smith": an initial; "vitamin D. Sunlight" is a real end. */
    private static boolean precededByName(String p, int sentenceStart, int wordStart) {
        if (wordStart <= sentenceStart) {
            return true;
        }
        int end = wordStart - 1;
        while (end > sentenceStart && Character.isWhitespace(p.charAt(end - 1))) {
            end--;
        }
        int from = end;
        while (from > sentenceStart && !Character.isWhitespace(p.charAt(from - 1))) {
            from--;
        }
        return from < end && Character.isUpperCase(p.charAt(from));
    }
}
