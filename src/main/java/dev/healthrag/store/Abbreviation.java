package dev.healthrag.store;

/**
 * A short form an article defines and the long form it stands for ("NPH" for "normal pressure
 * hydrocephalus"), both as the article writes them.
 */
public record Abbreviation(String shortForm, String longForm) {

    public Abbreviation {
        if (shortForm == null || shortForm.isBlank() || longForm == null || longForm.isBlank()) {
            throw new IllegalArgumentException("an abbreviation needs a short and a long form");
        }
    }

    /**
     * The key a question's word is looked up by: the short form normalised as names are, without spaces
     * ("Ig-A" and "IgA" are one key, "iga").
     */
    public static String key(String shortForm) {
        return NameText.normalize(shortForm).replace(" ", "");
    }
}
