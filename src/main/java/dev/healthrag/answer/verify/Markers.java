package dev.healthrag.answer.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The citation markers of a text: which sources it names, and the text without them. */
public final class Markers {

    // Models write [1], [1, 2], [1][2] or [Source 1]; all are understood.
    private static final Pattern MARKER = Pattern.compile(
            "\\s?\\[(?:sources?\\s*)?(\\d{1,6}(?:\\s*[,;]\\s*(?:sources?\\s*)?\\d{1,6})*)]", Pattern.CASE_INSENSITIVE);

    private Markers() {
    }

    /** A text with its markers taken out, and the source numbers they named, first occurrence first. */
    public record Marked(String text, List<Integer> refs) {
    }

    public static Marked strip(String text) {
        List<Integer> refs = new ArrayList<>();
        Matcher matcher = MARKER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            for (String number : matcher.group(1).split("[,;]")) {
                int ref = Integer.parseInt(number.replaceAll("\\D", ""));
                if (!refs.contains(ref)) {
                    refs.add(ref);
                }
            }
            matcher.appendReplacement(out, "");
        }
        matcher.appendTail(out);
        return new Marked(out.toString().replaceAll("\\s+([.,;:!?])", "$1").strip(), refs);
    }

    /** Whether the text is nothing but markers (a sentence splitter's leftover after "... end. [2]"). */
    public static boolean onlyMarkers(String text) {
        return !text.isBlank() && MARKER.matcher(text).replaceAll("").isBlank();
    }

    /** {@code sentence} with {@code refs} as "[1][2]" before its closing punctuation (after it if it has none). */
    public static String attach(String sentence, List<Integer> refs) {
        if (refs.isEmpty()) {
            return sentence;
        }
        StringBuilder markers = new StringBuilder();
        refs.forEach(ref -> markers.append('[').append(ref).append(']'));
        int end = sentence.length();
        while (end > 0 && ".!?".indexOf(sentence.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end == sentence.length() || end == 0 || sentence.endsWith("...")) {
            return sentence + " " + markers;
        }
        return sentence.substring(0, end) + " " + markers + sentence.substring(end);
    }
}
