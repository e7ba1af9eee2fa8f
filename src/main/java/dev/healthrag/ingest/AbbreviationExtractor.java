package dev.healthrag.ingest;

import dev.healthrag.store.Abbreviation;
import dev.healthrag.store.NameText;
import dev.healthrag.text.Sentences;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The abbreviations a text defines, by Schwartz and Hearst's algorithm ("A simple algorithm for identifying
 * abbreviation definitions in biomedical text", PSB 2003): in each sentence, a parenthesis after some words is a
 * candidate pair, either "long form (SF)" or, when the parenthesis holds more than two words, "SF (long form)".
 * The long form is the shortest run of words before the parenthesis in which every letter and digit of the short
 * form is found, right to left and in order, with the short form's first character starting a word. Pairs are
 * then kept only when the long form is longer than the short form, does not contain it as a word, and has at most
 * min(|SF| + 5, 2 |SF|) words. One rule is added to the paper's: the short form has an upper-case letter, since the
 * lower-case parentheses of these articles are lay glosses ("dysphagia (difficulty swallowing)"), not acronyms.
 */
public final class AbbreviationExtractor {

    /** Bump when the extraction changes, so the next ingest extracts again from every stored article. */
    public static final int VERSION = 1;

    /** Longest short form, in letters and digits (the paper's bound). */
    private static final int MAX_SHORT_FORM = 10;

    private AbbreviationExtractor() {
    }

    /**
     * The pairs defined in an article's title and sections, in the order found, each once: a pair written again
     * in other case or punctuation ("Cystic fibrosis (CF)", "cystic fibrosis (CF)") keeps its first spelling.
     */
    public static List<Abbreviation> of(Article article) {
        List<Abbreviation> all = new ArrayList<>(extract(article.title()));
        for (Section section : article.sections()) {
            all.addAll(extract(section.heading()));
            all.addAll(extract(section.text()));
        }
        Set<String> seen = new HashSet<>();
        return all.stream().filter(pair -> seen.add(Abbreviation.key(pair.shortForm()) + "\u0000"
                + NameText.normalize(pair.longForm()))).toList();
    }

    /** The pairs defined in {@code text}, without repeats; never throws, whatever the text. */
    public static List<Abbreviation> extract(String text) {
        if (text == null || text.indexOf('(') < 0) {
            return List.of();
        }
        Set<Abbreviation> found = new LinkedHashSet<>();
        for (String line : text.split("\\R")) {
            if (line.indexOf('(') < 0) {
                continue;
            }
            for (String sentence : Sentences.split(line)) {
                extractFromSentence(sentence, found);
            }
        }
        return List.copyOf(found);
    }

    private static void extractFromSentence(String sentence, Set<Abbreviation> found) {
        int open = sentence.indexOf(" (");
        while (open > -1) {
            open++; // at the parenthesis
            int close = sentence.indexOf(')', open);
            if (close < 0) {
                return;
            }
            int nested = sentence.indexOf('(', open + 1);
            if (nested > -1 && nested < close) {
                // "(ACTH (corticotropin))": the inner parenthesis belongs to the candidate
                int outer = sentence.indexOf(')', close + 1);
                if (outer < 0) {
                    return;
                }
                close = outer;
            }
            int clauseStart = Math.max(sentence.lastIndexOf(". ", open), sentence.lastIndexOf(", ", open));
            String longCandidate = sentence.substring(clauseStart < 0 ? 0 : clauseStart + 2, open).strip();
            String shortCandidate = sentence.substring(open + 1, close).strip();
            shortCandidate = cut(cut(shortCandidate, ", "), "; ");
            if (shortCandidate.length() > 1 && longCandidate.length() > 1) {
                if (words(shortCandidate) > 2 || shortCandidate.length() > longCandidate.length()) {
                    // "SF (long form)": the word before the parenthesis is the short form
                    String[] before = longCandidate.split("\\s+");
                    String shortForm = before[before.length - 1];
                    longCandidate = shortCandidate;
                    shortCandidate = shortForm;
                }
                if (isValidShortForm(shortCandidate)) {
                    pair(shortCandidate, longCandidate, found);
                }
            }
            open = sentence.indexOf(" (", close);
        }
    }

    private static String cut(String text, String separator) {
        int at = text.indexOf(separator);
        return at < 0 ? text : text.substring(0, at).strip();
    }

    private static boolean isValidShortForm(String candidate) {
        return !candidate.isEmpty() && Character.isLetterOrDigit(candidate.charAt(0))
                && candidate.chars().anyMatch(Character::isUpperCase)
                && candidate.chars().noneMatch(c -> c == '(' || c == ')');
    }

    private static void pair(String shortForm, String longCandidate, Set<Abbreviation> found) {
        String longForm = bestLongForm(shortForm, longCandidate);
        if (longForm == null) {
            return;
        }
        longForm = longForm.strip();
        int shortSize = (int) shortForm.chars().filter(Character::isLetterOrDigit).count();
        int longWords = words(longForm);
        String lowerLong = longForm.toLowerCase(Locale.ROOT);
        String lowerShort = shortForm.toLowerCase(Locale.ROOT);
        if (longForm.length() <= shortForm.length() || lowerLong.contains(lowerShort + " ")
                || lowerLong.endsWith(lowerShort) || longWords > 2 * shortSize || longWords > shortSize + 5
                || shortSize > MAX_SHORT_FORM || shortSize < 2) {
            return;
        }
        found.add(new Abbreviation(shortForm, longForm));
    }

    /**
     * The shortest end of {@code longForm} that holds every letter and digit of {@code shortForm}, right to left
     * in order, the first of them at the start of a word; null when there is none.
     */
    static String bestLongForm(String shortForm, String longForm) {
        int s = shortForm.length() - 1;
        int l = longForm.length() - 1;
        for (; s >= 0; s--) {
            char c = Character.toLowerCase(shortForm.charAt(s));
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            while ((l >= 0 && Character.toLowerCase(longForm.charAt(l)) != c)
                    || (s == 0 && l > 0 && Character.isLetterOrDigit(longForm.charAt(l - 1)))) {
                l--;
            }
            if (l < 0) {
                return null;
            }
            l--;
        }
        int start = longForm.lastIndexOf(' ', l) + 1;
        return longForm.substring(start);
    }

    private static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }
}
