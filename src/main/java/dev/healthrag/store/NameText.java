package dev.healthrag.store;

import java.util.List;
import java.util.Locale;

/** The one normalisation names and questions share, so that a phrase lookup can match them exactly. */
public final class NameText {

    private NameText() {
    }

    /** Lower case; every run of characters other than letters and digits becomes one space. */
    public static String normalize(String text) {
        return clean(apostrophes(text).replaceAll("'s\\b", "s"));
    }

    /**
     * The {@link #normalize normalised} text, then, when it has a possessive, the text with the possessive
     * dropped: people write "Leber amaurosis" for "Leber's amaurosis" and "Alzheimer's disease" for "Alzheimer
     * disease", so a name is stored, and a question looked up, in both forms. "lebers" typed without the
     * apostrophe still matches the first form.
     */
    public static List<String> variants(String text) {
        String normalized = normalize(text);
        String bare = clean(apostrophes(text).replaceAll("'s\\b", ""));
        return bare.equals(normalized) || bare.isEmpty() ? List.of(normalized) : List.of(normalized, bare);
    }

    /** The number of words of a {@link #normalize normalised} name. */
    public static int words(String normalized) {
        return normalized.split(" ").length;
    }

    private static String apostrophes(String text) {
        return text.toLowerCase(Locale.ROOT).replace("’", "'");
    }

    private static String clean(String text) {
        return text.replaceAll("[^\\p{L}\\p{Nd}]+", " ").strip();
    }
}
