package dev.healthrag.ingest;

import java.util.regex.Pattern;

/** Whitespace and invisible-character normalisation shared by all readers. */
final class Text {

    // Soft hyphens and zero-width characters come from CMS copy-paste and split words invisibly.
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B\\u200C\\u200D\\u2060\\uFEFF]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u3000]+");

    private Text() {
    }

    /** Single spaces only, trimmed: paragraph text never carries layout whitespace. */
    static String collapse(String s) {
        if (s == null) {
            return "";
        }
        return SPACES.matcher(INVISIBLE.matcher(s).replaceAll("")).replaceAll(" ").trim();
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
