package dev.healthrag.text;

import java.util.regex.Pattern;

/**
 * The one reading of a list line: a marker ("- ", "* ", "• ", "1. ", "2) ") and the item after it. Ingest stores every
 * item as "- ", but a model's draft may number its items, and the extractive reader, the verifier and the answer
 * checks must agree on what an item is, or one of them quotes as a sentence what another judges as an item.
 */
public final class ListItems {

    private static final Pattern MARKER = Pattern.compile("^\\s*(?:[-*\u2022]|\\d{1,2}[.)])\\s+");

    private ListItems() {
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
