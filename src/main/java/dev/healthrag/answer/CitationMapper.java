package dev.healthrag.answer;

import dev.healthrag.retrieval.RetrievedChunk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes an answer's markers and its citation list agree: markers that point at no source are removed,
 * sources the answer never cites are not listed, and the cited ones are renumbered [1], [2]... in the
 * order a reader meets them.
 */
public final class CitationMapper {

    // Models write [1], [1, 2], [1][2] or [Source 1]; all are understood, all come out as [n].
    private static final Pattern MARKER = Pattern.compile("\\s?\\[(?:sources?\\s*)?(\\d+(?:\\s*[,;]\\s*(?:sources?\\s*)?\\d+)*)]",
            Pattern.CASE_INSENSITIVE);
    private static final int SNIPPET_LENGTH = 240;

    private CitationMapper() {
    }

    public record Cited(String text, List<Citation> citations) {
    }

    /** @param sources the sources as numbered in the prompt: marker [n] means {@code sources.get(n - 1)} */
    public static Cited map(String text, List<RetrievedChunk> sources) {
        Map<Integer, Integer> renumbered = new LinkedHashMap<>();
        Matcher matcher = MARKER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            StringBuilder replacement = new StringBuilder();
            for (String number : matcher.group(1).split("[,;]")) {
                int original = Integer.parseInt(number.replaceAll("\\D", ""));
                if (original >= 1 && original <= sources.size()) {
                    int ref = renumbered.computeIfAbsent(original, key -> renumbered.size() + 1);
                    String marker = "[" + ref + "]";
                    if (replacement.indexOf(marker) < 0) {
                        replacement.append(marker);
                    }
                }
            }
            String keep = replacement.isEmpty() ? "" : (matcher.group().startsWith(" ") ? " " : "") + replacement;
            matcher.appendReplacement(out, Matcher.quoteReplacement(keep));
        }
        matcher.appendTail(out);

        List<Citation> citations = new ArrayList<>();
        renumbered.forEach((original, ref) -> citations.add(citation(ref, sources.get(original - 1))));
        return new Cited(out.toString().strip(), citations);
    }

    private static Citation citation(int ref, RetrievedChunk source) {
        return new Citation(ref, source.articleId(), source.title(), source.url(), source.heading(),
                snippet(source.text()), Math.round(source.similarity() * 10_000) / 10_000.0);
    }

    static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= SNIPPET_LENGTH) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', SNIPPET_LENGTH);
        return flat.substring(0, cut > 0 ? cut : SNIPPET_LENGTH) + "…";
    }
}
