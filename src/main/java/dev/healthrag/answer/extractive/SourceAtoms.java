package dev.healthrag.answer.extractive;

import dev.healthrag.text.Announcements;
import dev.healthrag.text.InnerHeadings;
import dev.healthrag.text.ListItems;
import dev.healthrag.text.Sentences;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a source's text (paragraphs separated by blank lines, list items as "- " lines) into {@link Atom}s in
 * reading order. A list always takes the sentence before it as its lead-in, so neither is quoted without the
 * other; a sentence ending in ":" with no list after it introduces something the source does not give here,
 * and is left out. A short line without closing punctuation is a heading inside the text (sections merged at
 * ingest): it is not quoted, and names the section of what follows. A longer one, a single clause, is a list
 * item whose lead-in the chunk does not hold (or a long heading): not a sentence, so not quoted either.
 */
final class SourceAtoms {

    /** Most paragraphs read as the items of one such list. */
    private static final int MAX_SENTENCE_ITEMS = 12;
    /** Sentences an announcement may stand before its list ("…the following list… the table below… You can use…"). */
    private static final int MAX_SENTENCES_TO_ANNOUNCED_LIST = 3;

    private SourceAtoms() {
    }

    static List<Atom> of(String text, String heading) {
        List<Atom> atoms = new ArrayList<>();
        String section = heading == null ? "" : heading;
        int block = 0;
        List<String> blocks = blocks(text);
        for (int b = 0; b < blocks.size(); b++) {
            List<String> lines = lines(blocks.get(b));
            if (lines.isEmpty()) {
                continue;
            }
            if (ListItems.isItem(lines.get(0))) {
                addList(atoms, lines, block, section);
            } else if (lines.size() == 1 && InnerHeadings.isHeading(lines.get(0))) {
                section = lines.get(0);
            } else if (lines.size() == 1 && isCutOffItem(lines.get(0), b + 1 < blocks.size() ? blocks.get(b + 1) : "")) {
                continue;
            } else {
                List<String> paragraph = new ArrayList<>();
                List<String> items = new ArrayList<>();
                for (String line : lines) {
                    (ListItems.isItem(line) || !items.isEmpty() ? items : paragraph).add(line);
                }
                for (String sentence : Sentences.split(String.join(" ", paragraph))) {
                    atoms.add(Atom.sentence(sentence, block, section));
                }
                if (!items.isEmpty()) {
                    addList(atoms, items, block, section);
                }
            }
            block++;
        }
        atoms.removeIf(atom -> !atom.isList() && atom.leadIn().endsWith(":"));
        return withoutLostAnnouncements(atoms);
    }

    /**
     * Without the {@link Announcements announcements} that no list follows within a few sentences of their section:
     * the table, image or list they point at was lost in scraping, or is in another chunk.
     */
    private static List<Atom> withoutLostAnnouncements(List<Atom> atoms) {
        List<Atom> kept = new ArrayList<>(atoms.size());
        for (int i = 0; i < atoms.size(); i++) {
            Atom atom = atoms.get(i);
            if (atom.isList() || !Announcements.announces(atom.leadIn()) || announcedList(atoms, i) >= 0) {
                kept.add(atom);
            }
        }
        return kept;
    }

    /**
     * Where the list that the announcement at {@code announcement} announces is: the first list of its section
     * within {@value #MAX_SENTENCES_TO_ANNOUNCED_LIST} sentences after it; -1 when there is none.
     */
    static int announcedList(List<Atom> atoms, int announcement) {
        String section = atoms.get(announcement).section();
        for (int j = announcement + 1; j <= announcement + MAX_SENTENCES_TO_ANNOUNCED_LIST + 1 && j < atoms.size()
                && atoms.get(j).section().equals(section); j++) {
            if (atoms.get(j).isList()) {
                return j;
            }
        }
        return -1;
    }

    private static List<String> lines(String block) {
        return block.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /**
     * Whether a line is one clause without any sentence punctuation that leads into no list ("Vaccinating people who
     * have hemophilia for hepatitis A and B", whose lead-in the chunk before holds), or a heading too long to
     * read as one: not a sentence, so never quoted. One that a list follows is that list's lead-in ("...are
     * people who", then "- travel to developing countries").
     */
    private static boolean isCutOffItem(String line, String nextBlock) {
        List<String> next = lines(nextBlock);
        return isLooseItem(line) && !line.matches(".*[.!?].*") && (next.isEmpty() || !ListItems.isItem(next.get(0)));
    }

    /** The list joins the sentence before it, when that sentence belongs to its section, as its lead-in. */
    private static void addList(List<Atom> atoms, List<String> items, int block, String section) {
        Atom previous = atoms.isEmpty() ? null : atoms.get(atoms.size() - 1);
        if (previous != null && !previous.isList() && previous.section().equals(section)) {
            atoms.set(atoms.size() - 1, new Atom(previous.leadIn(), items, previous.block(), section, previous.dependent()));
        } else {
            atoms.add(new Atom("", items, block, section, false));
        }
    }

    /**
     * The text's paragraphs and lists; a list that a chunk join ran onto the end of its lead-in's line
     * ("...include: - fever") is put back on a line of its own, and so is a list written as loose lines
     * ({@link #withLooseItemsAsList}).
     */
    private static List<String> blocks(String text) {
        return withLooseItemsAsList(List.of(text.replace(": - ", ":\n- ").strip().split("\\n\\s*\\n")));
    }

    /**
     * Many sources write a list as paragraphs after a lead-in ending in ":", without list markers: one
     * unpunctuated line each ("These defects can involve:", then "The valves inside the heart"), or a sentence
     * or three each ("...may develop if:", then "The walls of the arteries tighten."). Read alone, the short lines
     * look like headings and the rest like sentences, the lead-in loses its list, and an answer quotes items as
     * if they stood alone: "The walls of the arteries tighten." is a fact the source only gives as a
     * possible cause. Such paragraphs become "- " items of the lead-in's block: unpunctuated lines, or else
     * two or more short paragraphs of sentences up to one that reads as prose going on after the list (it
     * refers back, as "These changes..." does, is long, or leads into a list of its own) or a heading.
     */
    private static List<String> withLooseItemsAsList(List<String> blocks) {
        List<String> out = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            StringBuilder block = new StringBuilder(blocks.get(i).strip());
            if (block.toString().endsWith(":") && !ListItems.isItem(lastLine(block.toString()))) {
                if (i + 1 < blocks.size() && isLooseItem(blocks.get(i + 1))) {
                    while (i + 1 < blocks.size() && isLooseItem(blocks.get(i + 1))) {
                        block.append("\n- ").append(blocks.get(++i).strip());
                    }
                } else {
                    int taken = 0;
                    while (i + 1 + taken < blocks.size() && taken < MAX_SENTENCE_ITEMS
                            && isSentenceItem(blocks.get(i + 1 + taken))) {
                        taken++;
                    }
                    // One paragraph after a lead-in goes on from it ("...doesn't end when symptoms disappear:",
                    // then why): a list has items.
                    for (int item = 0; taken >= 2 && item < taken; item++) {
                        block.append("\n- ").append(blocks.get(++i).strip());
                    }
                }
            }
            out.add(block.toString());
        }
        return out;
    }

    private static boolean isSentenceItem(String block) {
        String line = block.strip();
        return isUnmarkedLine(line) && line.matches(".*[.!?;]$")
                && Atom.wordsOf(line) <= ListItems.MAX_PARAGRAPH_ITEM_WORDS && !Anaphora.refersBack(line);
    }

    private static String lastLine(String block) {
        int newline = block.lastIndexOf('\n');
        return newline < 0 ? block : block.substring(newline + 1).strip();
    }

    private static boolean isLooseItem(String block) {
        String line = block.strip();
        return isUnmarkedLine(line) && !line.matches(".*[.!?:;]$");
    }

    /** A paragraph of one line without a list marker: what a source without markers writes an item as. */
    private static boolean isUnmarkedLine(String line) {
        return !line.isEmpty() && !line.contains("\n") && !ListItems.isItem(line);
    }

}
