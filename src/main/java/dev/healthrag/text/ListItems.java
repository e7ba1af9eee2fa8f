package dev.healthrag.text;

import java.util.regex.Pattern;

/**
 * The one reading of a list line: a marker ("- ", "* ", "• ", "1. ", "2) ") and the item after it. Ingest stores every
 * item as "- ", but a model's draft may number its items, and the extractive reader, the verifier and the answer
 * checks must agree on what an item is, or one of them quotes as a sentence what another judges as an item.
 */
public final class ListItems {

    private static final Pattern MARKER = Pattern.compile("^\\s*(?:[-*\u2022]|\\d{1,2}[.)])\\s+");
    /**
     * Longest paragraph read as one item of a list that a source wrote as paragraphs, without markers, after a
     * lead-in ending in ":" ("Chest x ray. A chest x ray takes pictures of..."): items explain a term in a sentence
     * or three, prose that goes on after the list runs longer. Ingest (which keeps such an item although it
     * repeats) and the extractive reader (which quotes it with its lead-in) must agree on what is an item.
     */
    public static final int MAX_PARAGRAPH_ITEM_WORDS = 70;

    /**
     * The last line of a list quoted by its first items only: the items after it are in the cited source, not in
     * the answer. It claims nothing but that, and the verifier checks exactly that.
     */
    public static final String MORE = "- \u2026 (the source lists more)";

    private ListItems() {
    }

    /** Whether {@code line} (markers [n] stripped) is the {@link #MORE} line. */
    public static boolean isMore(String line) {
        return line.strip().equals(MORE);
    }

    /** Whether {@code line} (one line, leading blanks allowed) opens with a list marker. */
    public static boolean isItem(String line) {
        return MARKER.matcher(line).lookingAt();
    }

    /** {@code line} without its list marker (and the blanks around it); a line without one, unchanged. */
    public static String withoutMarker(String line) {
        return MARKER.matcher(line).replaceFirst("");
    }
}
