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
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
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

    /** Soft hyphens and zero-width characters come from CMS copy-paste and split words invisibly. */
    private static boolean isInvisible(char c) {
        return c == '\u00AD' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
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
