package dev.healthrag.ingest;

/**
 * One headed part of an article.
 *
 * @param heading "" for the introduction before the first heading
 * @param text    paragraphs separated by a blank line; list items are lines starting with "- "
 */
public record Section(String heading, String text) {

    public Section {
        heading = heading == null ? "" : heading;
        text = text == null ? "" : text;
    }
}
