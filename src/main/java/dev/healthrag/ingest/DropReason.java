package dev.healthrag.ingest;

/**
 * Why text was left out of what answers can quote, for the ingest summary. Articles are scraped
 * from the web, and some pages carry text meant for a model rather than for readers.
 */
public enum DropReason {

    /** A sentence, list line or heading that talks to an AI ("ignore previous instructions"). */
    ADDRESSED_TO_AI("passage addressed to an AI", "passages addressed to an AI"),
    /** An element a browser would not show (hidden, display:none, template, ...) or a comment that talks to an AI. */
    HIDDEN("hidden passage", "hidden passages"),
    /** Zero-width, bidi-control and tag characters; the text around them is kept. */
    INVISIBLE_CHARACTERS("invisible character", "invisible characters");

    private final String one;
    private final String many;

    DropReason(String one, String many) {
        this.one = one;
        this.many = many;
    }

    /** "1 hidden passage", "3 hidden passages". */
    public String describe(int count) {
        return count + " " + (count == 1 ? one : many);
    }
}
