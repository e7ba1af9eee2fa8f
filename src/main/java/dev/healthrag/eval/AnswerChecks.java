package dev.healthrag.eval;

import dev.healthrag.answer.Citation;
import dev.healthrag.answer.verify.Markers;
import dev.healthrag.retrieval.Terms;
import dev.healthrag.text.Announcements;
import dev.healthrag.text.ListItems;
import dev.healthrag.text.Sentences;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the answer evaluation checks in one answer body, each a pure function of the text. */
public final class AnswerChecks {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,6})]");
    /** Openings that point back at something said before: read first, they refer to nothing. */
    private static final Pattern ANAPHOR = Pattern.compile(
            "^(?:this|these|that|those|both|it|its|they|them|their|such|either|neither|another|other|"
                    + "the (?:condition|disease|disorder|syndrome|infection|problem|drug|medicine|test|procedure|"
                    + "treatment|virus|cancer|tumor|tumour)s?)\\b.*",
            Pattern.CASE_INSENSITIVE);

    private AnswerChecks() {
    }

    /**
     * The body's words (stop words, markers and {@link ListItems#MORE} lines aside: code's notes, not what the answer
     * says) that the reference answer uses, as a share; NaN if none.
     */
    public static double goldWordShare(String body, String gold) {
        String said = String.join("\n", body.lines().filter(line -> !ListItems.isMore(Markers.strip(line).text())).toList());
        List<String> words = Terms.of(Markers.strip(said).text());
        if (words.isEmpty() || gold == null || gold.isBlank()) {
            return Double.NaN;
        }
        Set<String> goldWords = new HashSet<>(Terms.of(gold));
        return words.stream().filter(goldWords::contains).count() / (double) words.size();
    }

    /**
     * Whether some line or sentence ends in ":" and the next line is not a list line, or a sentence announces a list
     * or table after it ({@link Announcements}) and no list line follows before another source's passage.
     */
    public static boolean danglingLeadIn(String body) {
        List<String> marked = body.lines().filter(l -> !l.isBlank()).toList();
        List<String> lines = marked.stream().map(line -> Markers.strip(line).text()).toList();
        for (int i = 0; i < lines.size(); i++) {
            List<String> sentences = Sentences.split(lines.get(i));
            for (int s = 0; s < sentences.size(); s++) {
                boolean lastOfLine = s == sentences.size() - 1;
                if (sentences.get(s).endsWith(":")
                        && (!lastOfLine || i + 1 == lines.size() || !ListItems.isItem(lines.get(i + 1)))) {
                    return true;
                }
                if (Announcements.announces(sentences.get(s)) && !listFollows(marked, lines, i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a list line comes after line {@code i} before a line that cites other sources than it does. */
    private static boolean listFollows(List<String> marked, List<String> lines, int i) {
        Set<Integer> refs = refs(marked.get(i));
        for (int j = i + 1; j < lines.size() && refs.equals(refs(marked.get(j))); j++) {
            if (ListItems.isItem(lines.get(j))) {
                return true;
            }
        }
        return false;
    }

    /** The numbers of the markers [n] in {@code text}. */
    private static Set<Integer> refs(String text) {
        Set<Integer> refs = new TreeSet<>();
        Matcher matcher = MARKER.matcher(text);
        while (matcher.find()) {
            refs.add(Integer.parseInt(matcher.group(1)));
        }
        return refs;
    }

    /** Whether the body's first sentence opens with a word that refers back ("This", "They", "Both"...). */
    public static boolean leadingAnaphor(String body) {
        String text = ListItems.withoutMarker(Markers.strip(body.strip()).text());
        return !text.isEmpty() && ANAPHOR.matcher(text).matches();
    }

    /** Whether every marker [n] names a listed citation and every citation is named by some marker. */
    public static boolean markersValid(String body, List<Citation> citations) {
        Set<Integer> used = refs(body);
        Set<Integer> listed = new TreeSet<>();
        citations.forEach(citation -> listed.add(citation.ref()));
        return used.equals(listed);
    }
}
