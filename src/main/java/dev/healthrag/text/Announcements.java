package dev.healthrag.text;

import java.util.regex.Pattern;

/**
 * Sentences that announce what comes after them without ending in ":" ("The Human Phenotype Ontology provides the
 * following list of signs and symptoms for X.", "the table below includes how often…", "The image below shows…").
 * Quoted without what they announce, they promise a list the reader never gets, as a dangling lead-in does; and a
 * scraped page often kept the sentence but lost its table or image. The extractive reader and the answer checks
 * must agree on which sentences these are.
 */
public final class Announcements {

    private static final Pattern ANNOUNCES = Pattern.compile("(?i)\\bthe following (?:list|table|chart|figure|image"
            + "|diagram)s?\\b|\\b(?:table|list|chart|figure|image|diagram|box|illustration)s? below\\b"
            + "|\\b(?:listed|shown|outlined|illustrated|pictured) below\\b|\\bbelow (?:lists?|shows?)\\b|\\bas follows\\b");

    private Announcements() {
    }

    /** Whether the sentence points at a list, table or picture after it. */
    public static boolean announces(String sentence) {
        return ANNOUNCES.matcher(sentence).find();
    }
}
