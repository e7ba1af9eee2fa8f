package dev.healthrag.answer.extractive;

import dev.healthrag.text.ListItems;

import java.util.regex.Pattern;

/**
 * A list that points elsewhere instead of answering: its lead-in sends the reader to resources, links, websites or
 * organisations ("These resources address the diagnosis or management of Leigh syndrome:", "For more information,
 * visit these websites:") and its items are titles, not sentences. It tells a reader where to look, not what is
 * so, so an answer quotes it only when no passage says what is asked, and then only up to an item that ends in
 * ":" (a scraped page ran the lead-in of its next list, often a generic one, onto that item).
 */
final class ResourceList {

    /**
     * Words that send a reader elsewhere: "these resources", "the following PDQ summaries", "more information". A
     * bare "organization" or "site" is often the subject instead ("The World Health Organization recommends that
     * adults:"), so those count only after a pointing word.
     */
    private static final Pattern POINTING_LEAD_IN = Pattern.compile("(?i)\\b(?:(?:these|the following|following|"
            + "other|helpful|useful)\\s+(?:[\\w-]+\\s+)?(?:resources?|links?|web ?sites?|sites|organi[sz]ations?|"
            + "publications?|summaries|fact sheets?|pages)|more information|further information|learn more|read more|"
            + "further reading|see also)\\b");
    /**
     * An item that says something ends like a sentence; a title does not, or ends in "?" ("How Is Hemophilia
     * Treated?").
     */
    private static final Pattern SENTENCE = Pattern.compile(".*[.!;]\\s*$");

    private ResourceList() {
    }

    /** Whether the atom is a list of resources: a pointing lead-in, and no item that reads as a sentence. */
    static boolean is(Atom atom) {
        return atom.isList() && POINTING_LEAD_IN.matcher(atom.leadIn()).find()
                && atom.items().stream().map(ListItems::withoutMarker).noneMatch(item -> SENTENCE.matcher(item).matches());
    }

    /** The list up to (without) its first item that leads into another list; the list itself when none does. */
    static Atom ownItems(Atom list) {
        for (int i = 0; i < list.items().size(); i++) {
            if (list.items().get(i).strip().endsWith(":")) {
                return i == 0 ? list : list.firstItems(i);
            }
        }
        return list;
    }
}
