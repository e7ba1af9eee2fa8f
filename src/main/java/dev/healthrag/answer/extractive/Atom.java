package dev.healthrag.answer.extractive;

import java.util.List;

/**
 * The smallest piece of a source an answer may quote: one sentence, or a list with the sentence that leads
 * into it (its lead-in, possibly none) and its items as "- " lines.
 *
 * @param block     which paragraph or list of the source it comes from, to keep the source's paragraph breaks
 * @param section   the heading it stands under (a heading inside the source's text overrides the chunk's)
 * @param dependent whether it leans on the atom before it (an opening "This", "They"...), so cannot start a passage
 * @param cut       whether the source's list goes on after these items (an answer then says so)
 */
record Atom(String leadIn, List<String> items, int block, String section, boolean dependent, boolean cut) {

    Atom {
        items = List.copyOf(items);
    }

    Atom(String leadIn, List<String> items, int block, String section, boolean dependent) {
        this(leadIn, items, block, section, dependent, false);
    }

    static Atom sentence(String sentence, int block, String section) {
        return new Atom(sentence, List.of(), block, section, Anaphora.refersBack(sentence));
    }

    boolean isList() {
        return !items.isEmpty();
    }

    int words() {
        return wordsOf(leadIn) + items.stream().mapToInt(Atom::wordsOf).sum();
    }

    /** The same list with only its first {@code count} items, the lead-in unchanged, marked cut when items go. */
    Atom firstItems(int count) {
        int kept = Math.min(count, items.size());
        return new Atom(leadIn, items.subList(0, kept), block, section, dependent, cut || kept < items.size());
    }

    /** The plain text, lead-in and items on lines of their own. */
    String text() {
        StringBuilder text = new StringBuilder(leadIn);
        items.forEach(item -> text.append(text.isEmpty() ? "" : "\n").append(item));
        return text.toString();
    }

    static int wordsOf(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length - (stripped.startsWith("- ") ? 1 : 0);
    }
}
