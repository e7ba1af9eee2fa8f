package dev.healthrag.ingest;

import dev.healthrag.text.ListItems;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Collects headings, paragraphs and list items in reading order and produces sections in
 * the shared text shape: paragraphs separated by a blank line, list items as "- " lines.
 * Every reader builds its sections here, so this is where text that addresses an AI is taken
 * out ({@link PromptInjectionFilter}): no input format can get such text past it.
 */
final class SectionBuilder {

    /** Shorter paragraphs ("Yes.", "See below.") may legitimately repeat, so they are never deduplicated. */
    private static final int MIN_DEDUPE_CHARS = 40;

    private final DropCounts drops;
    private final List<Section> sections = new ArrayList<>();
    private final Set<String> seenParagraphs = new HashSet<>();
    private final List<String> blocks = new ArrayList<>();
    private StringBuilder list;
    private String heading = "";
    /**
     * Whether the paragraphs since the last lead-in ending in ":" of this section are all short enough to be
     * its items: sources without list markers write a list as such paragraphs.
     */
    private boolean inLeadInsList;

    SectionBuilder(DropCounts drops) {
        this.drops = drops;
    }

    /** A heading that addresses an AI is dropped; its text then sits under no heading rather than under it. */
    void heading(String text) {
        finishSection();
        inLeadInsList = false;
        heading = Text.collapse(text);
        if (PromptInjectionFilter.addressesAnAi(heading)) {
            drops.add(DropReason.ADDRESSED_TO_AI, 1);
            heading = "";
        }
    }

    /**
     * Exact repeats of a paragraph anywhere earlier in the article are dropped (pages repeat their summary),
     * except as an item of a list written as paragraphs after a lead-in ending in ":": two sections may share
     * some items of a list and not others ("...may develop if:", then three causes, one of them also given
     * elsewhere), and dropping the shared one would cut the list short without a mark. Sentences that address
     * an AI are dropped, the rest of the paragraph is kept.
     */
    void paragraph(String text) {
        PromptInjectionFilter.Filtered filtered = PromptInjectionFilter.paragraph(Text.collapse(text));
        drops.add(DropReason.ADDRESSED_TO_AI, filtered.dropped());
        String p = filtered.text();
        if (p.isEmpty()) {
            return;
        }
        Optional<FlattenedSymptomTable> table = FlattenedSymptomTable.in(p);
        if (table.isPresent()) {
            table(table.get());
            return;
        }
        boolean item = inLeadInsList && Text.wordCount(p) <= ListItems.MAX_PARAGRAPH_ITEM_WORDS;
        if (p.length() >= MIN_DEDUPE_CHARS && !seenParagraphs.add(Text.key(p)) && !item) {
            return;
        }
        inLeadInsList = p.endsWith(":") || item;
        closeList();
        blocks.add(p);
    }

    /** A table flattened into a paragraph: the text around it stays paragraphs, its rows become a list. */
    private void table(FlattenedSymptomTable table) {
        if (!table.before().isEmpty()) {
            paragraph(table.before());
        }
        paragraph(table.leadIn());
        table.rows().forEach(this::listItem);
        if (!table.after().isEmpty()) {
            paragraph(table.after());
        }
    }

    /** A list line (or table row) that addresses an AI is dropped whole: it is one unit, like a sentence. */
    void listItem(String text) {
        String item = Text.collapse(text);
        if (item.isEmpty()) {
            return;
        }
        if (PromptInjectionFilter.addressesAnAi(item)) {
            drops.add(DropReason.ADDRESSED_TO_AI, 1);
            return;
        }
        inLeadInsList = false;
        if (list == null) {
            list = new StringBuilder();
        } else {
            list.append('\n');
        }
        list.append("- ").append(item);
    }

    /** Sections that ended up with no text (a heading directly followed by another) are dropped. */
    List<Section> build() {
        finishSection();
        return List.copyOf(sections);
    }

    private void closeList() {
        if (list != null) {
            blocks.add(list.toString());
            list = null;
        }
    }

    private void finishSection() {
        closeList();
        if (!blocks.isEmpty()) {
            sections.add(new Section(heading, String.join("\n\n", blocks)));
        }
        blocks.clear();
    }
}
