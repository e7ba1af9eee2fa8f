package dev.healthrag.ingest;

/** Whitespace and invisible-character normalisation shared by all readers. */
final class Text {

    private Text() {
    }

    /** Single spaces only, trimmed: paragraph text never carries layout whitespace. */
    // A hand loop rather than regexes: this runs on every line of every article.
    static String collapse(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isInvisible(c)) {
                continue;
            }
            if (isTagCharacter(s, i)) {
                i++;
                continue;
            }
            if (isTagLowHalf(c) && !pendingSpace && out.length() > 0 && out.charAt(out.length() - 1) == '\uDB40') {
                // The halves of a tag character met once what stood between them was removed ("\uDB40\u200B\uDC41"):
                // drop that pair too, or a second collapse would, and cleaning must be idempotent.
                out.setLength(out.length() - 1);
                if (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                    out.setLength(out.length() - 1); // a space is written only before text that follows it
                    pendingSpace = true;
                }
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (Character.isISOControl(c)) {
                // NUL and other controls are no text; PostgreSQL even refuses NUL in a text column, which
                // would fail the whole article's write (a NUL past the binary sniff reaches this far).
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Soft hyphens and zero-width characters come from CMS copy-paste and split words invisibly.
     * Bidi controls go too: they make a reader see text in another order than the one a model
     * reads, so a quote could show something other than what was checked at ingest.
     */
    private static boolean isInvisible(char c) {
        return c == '\u00AD' || isHidingCharacter(c);
    }

    /** Invisible characters other than the soft hyphen, which only marks where a word may break. */
    private static boolean isHidingCharacter(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF'
                || c == '\u200E' || c == '\u200F' || c == '\u061C'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /**
     * Unicode tag characters (U+E0000 to U+E007F) render as nothing, yet models read them as the
     * ASCII letters they shadow, which makes them a way to hide instructions in plain sight.
     */
    private static boolean isTagCharacter(String s, int i) {
        return s.charAt(i) == '\uDB40' && i + 1 < s.length() && s.charAt(i + 1) >= '\uDC00' && s.charAt(i + 1) <= '\uDC7F';
    }

    private static boolean isTagLowHalf(char c) {
        return c >= '\uDC00' && c <= '\uDC7F';
    }

    /** How many characters {@link #collapse} will remove because they hide or reorder text (tag pairs count once). */
    static int hidingCharacters(String s) {
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            if (isHidingCharacter(s.charAt(i))) {
                count++;
            } else if (isTagCharacter(s, i)) {
                count++;
                i++;
            }
        }
        return count;
    }

    static int wordCount(String s) {
        String c = collapse(s);
        return c.isEmpty() ? 0 : c.split(" ").length;
    }

    /** Comparison key that ignores case, spacing and trailing punctuation, for spotting repeats. */
    static String key(String s) {
        return collapse(s).toLowerCase(java.util.Locale.ROOT).replaceAll("[\\p{Punct}\\s]+$", "");
    }
}
