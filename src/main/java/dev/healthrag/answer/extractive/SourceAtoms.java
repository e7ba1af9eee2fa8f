package dev.healthrag.answer.extractive;

import dev.healthrag.text.ListItems;
import dev.healthrag.text.Sentences;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a source's text (paragraphs separated by blank lines, list items as "- " lines) into {@link Atom}s in
 * reading order. A list always takes the sentence before it as its lead-in, so neither is quoted without the
 * other; a sentence ending in ":" with no list after it introduces something the source does not give here,
 * and is left out. A short line without closing punctuation is a heading inside the text (sections merged at
 * ingest): it is not quoted, and names the section of what follows.
 */
final class SourceAtoms {

    private static final int MAX_HEADING_WORDS = 8;

    private SourceAtoms() {
    }

    static List<Atom> of(String text, String heading) {
        List<Atom> atoms = new ArrayList<>();
        String section = heading == null ? "" : heading;
        int block = 0;
        for (String rawBlock : blocks(text)) {
            List<String> lines = rawBlock.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            if (lines.isEmpty()) {
                continue;
            }
            if (ListItems.isItem(lines.get(0))) {
                addList(atoms, lines, block, section);
            } else if (lines.size() == 1 && isHeading(lines.get(0))) {
                section = lines.get(0);
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
        return atoms;
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
     * Many sources write a list as paragraphs of one unpunctuated line each after a lead-in ending in ":"
     * ("These defects can involve:", then "The valves inside the heart" on a line of its own). Read alone, the
     * short lines look like headings and the long ones like sentences, the lead-in loses its list, and an answer
     * can open with an item that belongs to nothing. Such lines become "- " items of the lead-in's block.
     */
    private static List<String> withLooseItemsAsList(List<String> blocks) {
        List<String> out = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            StringBuilder block = new StringBuilder(blocks.get(i).strip());
            if (block.toString().endsWith(":")) {
                while (i + 1 < blocks.size() && isLooseItem(blocks.get(i + 1))) {
                    block.append("\n- ").append(blocks.get(++i).strip());
                }
            }
            out.add(block.toString());
        }
        return out;
    }

    private static boolean isLooseItem(String block) {
        String line = block.strip();
        return !line.isEmpty() && !line.contains("\n") && !ListItems.isItem(line)
                && !line.matches(".*[.!?:;]$");
    }

    private static boolean isHeading(String line) {
        return !line.matches(".*[.!?:;,]$") && Atom.wordsOf(line) <= MAX_HEADING_WORDS
                && Character.isUpperCase(line.charAt(0));
    }
}
