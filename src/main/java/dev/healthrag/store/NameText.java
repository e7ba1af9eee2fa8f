package dev.healthrag.store;

import java.util.Locale;

/** The one normalisation names and questions share, so that a phrase lookup can match them exactly. */
public final class NameText {

    private NameText() {
    }

    /** Lower case; every run of characters other than letters and digits becomes one space. */
    public static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replace("’", "'").replaceAll("'s\\b", "s")
                .replaceAll("[^\\p{L}\\p{Nd}]+", " ").strip();
    }

    /** The number of words of a {@link #normalize normalised} name. */
    public static int words(String normalized) {
        return normalized.split(" ").length;
    }
}
