package dev.healthrag.answer.extractive;

import dev.healthrag.text.Announcements;
import dev.healthrag.text.ListItems;

import java.util.List;

/**
 * Consecutive atoms of one source, in source order, that an answer quotes together.
 *
 * @param source index of the source in the answer's source list
 * @param start  index of the first atom among the source's atoms
 */
record Passage(int source, int start, List<Atom> atoms) {

    Passage {
        atoms = List.copyOf(atoms);
    }

    /**
     * The longest run of atoms from {@code start} that fits {@code maxWords}, without crossing into another
     * section or into a {@link ResourceList}. A list that would overflow is cut by whole items when the passage
     * would otherwise stay short (under {@code minWords}); a first atom longer than the budget is taken alone (a
     * list, cut to fit). A passage that starts at a resource list is that list alone, up to its own last item.
     */
    static Passage from(int source, List<Atom> atoms, int start, int minWords, int maxWords) {
        if (ResourceList.is(atoms.get(start))) {
            Atom list = ResourceList.ownItems(atoms.get(start));
            Atom cut = list.words() <= maxWords ? list : fit(list, maxWords);
            return new Passage(source, start, List.of(cut == null ? list.firstItems(1) : cut));
        }
        List<Atom> chosen = new java.util.ArrayList<>();
        int words = 0;
        String section = atoms.get(start).section();
        for (int i = start; i < atoms.size() && atoms.get(i).section().equals(section)
                && !ResourceList.is(atoms.get(i)); i++) {
            Atom atom = atoms.get(i);
            if (words + atom.words() <= maxWords) {
                chosen.add(atom);
                words += atom.words();
                continue;
            }
            if (atom.isList() && (chosen.isEmpty() || words < minWords)) {
                Atom cut = fit(atom, maxWords - words);
                if (cut != null) {
                    chosen.add(cut);
                } else if (chosen.isEmpty()) {
                    chosen.add(atom.firstItems(1));
                }
            } else if (chosen.isEmpty()) {
                chosen.add(atom);
            }
            break;
        }
        return new Passage(source, start, withAnnouncedList(chosen, atoms, start, maxWords - words));
    }

    /**
     * An {@link Announcements announcement} ("provides the following list of…") is quoted with the list it announces,
     * or not at all: the list is cut in by whole items when it fits what is left of the budget, and otherwise the
     * passage ends before the announcement. A passage that opens with one takes the list's first item over the
     * budget, rather than promise a list it does not give.
     */
    private static List<Atom> withAnnouncedList(List<Atom> chosen, List<Atom> atoms, int start, int wordsLeft) {
        int unmet = -1;
        for (int i = 0; i < chosen.size(); i++) {
            if (chosen.get(i).isList()) {
                unmet = -1;
            } else if (unmet < 0 && Announcements.announces(chosen.get(i).leadIn())) {
                unmet = i;
            }
        }
        if (unmet < 0) {
            return chosen;
        }
        // No list follows the announcement within the passage, so its list, if any, comes after the passage.
        int list = SourceAtoms.announcedList(atoms, start + unmet);
        boolean listFollows = list >= 0 && !ResourceList.is(atoms.get(list));
        int next = start + chosen.size();
        Atom cut = listFollows && list == next ? fit(atoms.get(list), wordsLeft) : null;
        List<Atom> kept = new java.util.ArrayList<>(chosen);
        if (cut != null) {
            kept.add(cut);
        } else if (unmet > 0) {
            kept = kept.subList(0, unmet);
        } else if (listFollows) {
            kept.addAll(atoms.subList(next, list));
            kept.add(atoms.get(list).firstItems(1));
        }
        return kept;
    }

    /** The list with as many of its first items as fit {@code words}; null when not even one does. */
    private static Atom fit(Atom list, int words) {
        for (int count = list.items().size() - 1; count >= 1; count--) {
            Atom cut = list.firstItems(count);
            if (cut.words() <= words) {
                return cut;
            }
        }
        return null;
    }

    /** Whether it quotes a list of resources elsewhere rather than saying anything itself. */
    boolean pointsElsewhere() {
        return ResourceList.is(atoms.get(0));
    }

    /** Whether its first atom is a sentence that announces a list after it ({@link Announcements}). */
    boolean opensWithAnnouncement() {
        return !atoms.get(0).isList() && Announcements.announces(atoms.get(0).leadIn());
    }

    int words() {
        return atoms.stream().mapToInt(Atom::words).sum();
    }

    String section() {
        return atoms.get(0).section();
    }

    /** The quoted text without markers, paragraphs and list lines as in the source (no line for a cut list's rest). */
    String text() {
        return render(null);
    }

    /**
     * The quoted text with "[ref]" after every sentence and list line, as the draft the verifier checks; a list cut
     * by whole items ends in {@link ListItems#MORE}, so that a reader knows the source gives more.
     */
    String draft(int ref) {
        return render(" [" + ref + "]");
    }

    /**
     * Whether the two quote an atom in common, or a list under the same lead-in: chunks of one long list each
     * repeat its lead-in, and an answer that quoted both would say it twice.
     */
    boolean overlaps(Passage other) {
        return sharesListLeadIn(other)
                || atoms.stream().anyMatch(atom -> other.atoms.stream().anyMatch(o -> o.text().equals(atom.text())));
    }

    /** Whether both quote a list under the same lead-in: the parts of one long list that two chunks hold. */
    boolean sharesListLeadIn(Passage other) {
        return atoms.stream().anyMatch(atom -> atom.isList() && !atom.leadIn().isEmpty() && other.atoms.stream()
                .anyMatch(o -> o.isList() && atom.leadIn().equals(o.leadIn())));
    }

    private String render(String marker) {
        String mark = marker == null ? "" : marker;
        StringBuilder text = new StringBuilder();
        Atom previous = null;
        for (Atom atom : atoms) {
            if (previous != null) {
                text.append(previous.isList() || previous.block() != atom.block() ? "\n\n" : " ");
            }
            if (!atom.leadIn().isEmpty()) {
                text.append(atom.leadIn()).append(mark);
            }
            for (int i = 0; i < atom.items().size(); i++) {
                text.append(i == 0 && atom.leadIn().isEmpty() ? "" : "\n").append(atom.items().get(i)).append(mark);
            }
            if (atom.cut() && marker != null) {
                text.append("\n").append(ListItems.MORE).append(mark);
            }
            previous = atom;
        }
        return text.toString();
    }
}
