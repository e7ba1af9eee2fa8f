package dev.healthrag.answer.verify;

import dev.healthrag.text.ListItems;
import dev.healthrag.text.Sentences;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a draft into the sentences and list lines the verifier judges one by one, keeping each one's markers
 * and the separator before it, so that what survives can be put back together in the draft's layout.
 */
public final class DraftSplitter {

    private DraftSplitter() {
    }

    public static List<DraftSentence> split(String draft) {
        List<DraftSentence> sentences = new ArrayList<>();
        String paragraphSeparator = "";
        for (String paragraph : draft.strip().split("\\n\\s*\\n")) {
            String separator = paragraphSeparator;
            for (String line : paragraph.split("\\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                // A list line is judged whole.
                List<String> pieces = ListItems.isItem(trimmed) ? List.of(trimmed) : Sentences.split(trimmed);
                for (String piece : pieces) {
                    if (add(sentences, piece, separator)) {
                        separator = " ";
                    }
                }
                separator = "\n";
            }
            paragraphSeparator = "\n\n";
        }
        return sentences;
    }

    /** @return whether a sentence was added (markers alone only join the previous sentence's) */
    private static boolean add(List<DraftSentence> sentences, String piece, String separator) {
        Markers.Marked marked = Markers.strip(piece);
        boolean leadingMarkers = piece.startsWith("[") && !marked.refs().isEmpty();
        if ((Markers.onlyMarkers(piece) || leadingMarkers) && !sentences.isEmpty()) {
            DraftSentence previous = sentences.remove(sentences.size() - 1);
            List<Integer> refs = new ArrayList<>(previous.cited());
            List<Integer> moved = Markers.onlyMarkers(piece) ? marked.refs() : Markers.strip(leadingPart(piece)).refs();
            moved.stream().filter(ref -> !refs.contains(ref)).forEach(refs::add);
            sentences.add(new DraftSentence(previous.text(), refs, previous.separator()));
            if (Markers.onlyMarkers(piece)) {
                return false;
            }
            Markers.Marked rest = Markers.strip(piece.substring(leadingPart(piece).length()));
            sentences.add(new DraftSentence(rest.text(), rest.refs(), separator));
            return true;
        }
        if (marked.text().isEmpty()) {
            return false;
        }
        sentences.add(new DraftSentence(marked.text(), marked.refs(), separator));
        return true;
    }

    private static String leadingPart(String piece) {
        int end = 0;
        while (end < piece.length() && (piece.charAt(end) == '[' || Character.isWhitespace(piece.charAt(end)))) {
            int close = piece.indexOf(']', end);
            if (piece.charAt(end) == '[' && close > 0) {
                end = close + 1;
            } else if (Character.isWhitespace(piece.charAt(end))) {
                end++;
            } else {
                break;
            }
        }
        return piece.substring(0, end);
    }
}
