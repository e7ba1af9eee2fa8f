package dev.healthrag.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The headings inside a chunk's text: ingest merges a section too small to stand alone into the chunk before it,
 * its heading kept as a paragraph of its own ("Outlook", then the section's text). Such a line is short, has no
 * closing punctuation and opens with a capital; the extractive reader and the search for the asked-for section
 * must agree on which lines are headings, or one quotes as text what the other takes for a section's name.
 */
public final class InnerHeadings {

    private static final int MAX_WORDS = 8;

    private InnerHeadings() {
    }

    /** Whether {@code line}, a paragraph of one line, reads as a heading. */
    public static boolean isHeading(String line) {
        String stripped = line.strip();
        return !stripped.isEmpty() && !stripped.matches(".*[.!?:;,]$") && !ListItems.isItem(stripped)
                && stripped.split("\\s+").length <= MAX_WORDS && Character.isUpperCase(stripped.charAt(0));
    }

    /** The headings among {@code text}'s paragraphs (blocks between blank lines), in order. */
    public static List<String> of(String text) {
        List<String> headings = new ArrayList<>();
        for (String block : text.strip().split("\\n\\s*\\n")) {
            String stripped = block.strip();
            if (!stripped.contains("\n") && isHeading(stripped)) {
                headings.add(stripped);
            }
        }
        return headings;
    }
}
