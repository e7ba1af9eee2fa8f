package dev.healthrag.ingest;

import dev.healthrag.ingest.SentenceSplitter.Unit;
import dev.healthrag.text.Sentences;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs one section's sentences into chunk texts; one instance per section. A chunk that starts inside a list
 * repeats the list's lead-in ("Signs and symptoms may include:") before the items it holds, as it repeats the
 * overlap: without it, its items are a list of nothing, for the embedding and for an answer that quotes them.
 */
final class SectionChunker {

    private final int maxTokens;
    private final int overlapTokens;
    private final int tinyTail;
    private final int tailCeiling;
    private final List<List<Unit>> chunks = new ArrayList<>();
    private List<Unit> current = new ArrayList<>();
    private int currentTokens;
    private int fresh; // units in current that are not overlap copied from the previous chunk
    private Unit last; // the unit accepted before the upcoming one
    private Unit listLeadIn; // the sentence ending in ":" that the list being packed follows, if any

    SectionChunker(int maxTokens, int overlapTokens, int tinyTail, int tailCeiling) {
        this.maxTokens = maxTokens;
        this.overlapTokens = overlapTokens;
        this.tinyTail = tinyTail;
        this.tailCeiling = tailCeiling;
    }

    List<String> chunk(String sectionText) {
        for (Unit unit : SentenceSplitter.units(sectionText)) {
            accept(unit);
        }
        finish();
        return chunks.stream().map(SectionChunker::join).toList();
    }

    private void accept(Unit unit) {
        if (!isItem(unit)) {
            listLeadIn = null;
        } else if (last != null && !isItem(last) && last.text().endsWith(":")) {
            listLeadIn = last;
        }
        last = unit;
        if (unit.tokens() <= maxTokens) {
            if (fresh > 0 && currentTokens + unit.tokens() > maxTokens) {
                emitWithOverlap(unit);
            }
            add(unit);
            return;
        }
        List<String> sentences = Sentences.split(unit.text());
        if (sentences.size() > 1) {
            // A list item holding several sentences is only kept whole while it fits the budget.
            String separator = unit.separator();
            for (String sentence : sentences) {
                accept(new Unit(sentence, separator));
                separator = " ";
            }
        } else {
            oversized(unit);
        }
    }

    /** A sentence longer than the budget stands alone; only a runaway one (over 2x) is cut at clauses. */
    private void oversized(Unit unit) {
        if (fresh > 0) {
            chunks.add(current);
        }
        List<Unit> pieces = unit.tokens() > 2 * maxTokens ? ClauseSplitter.split(unit, maxTokens) : List.of(unit);
        pieces.forEach(piece -> chunks.add(List.of(piece)));
        reset();
    }

    private void emitWithOverlap(Unit upcoming) {
        chunks.add(current);
        List<Unit> tail = new ArrayList<>();
        int tailTokens = 0;
        for (int i = current.size() - 1; i > 0; i--) {
            Unit u = current.get(i);
            if (tailTokens + u.tokens() > overlapTokens) {
                break;
            }
            tail.add(0, u);
            tailTokens += u.tokens();
        }
        reset();
        int budget = listLeadIn == null ? -1 : maxTokens - upcoming.tokens() - listLeadIn.tokens();
        // Only when the lead-in fits beside the upcoming item does it take the overlap's place.
        if (isItem(upcoming) && budget >= 0 && !tail.contains(listLeadIn)) {
            while (!tail.isEmpty() && tailTokens > budget) {
                tailTokens -= tail.remove(0).tokens();
            }
            tail.add(0, listLeadIn);
            tailTokens += listLeadIn.tokens();
        }
        if (tailTokens + upcoming.tokens() <= maxTokens) {
            tail.forEach(this::add);
            fresh = 0;
        }
    }

    private static boolean isItem(Unit unit) {
        return unit.text().startsWith("- ");
    }

    /** A tiny remainder joins the previous chunk (without its overlap copy) when that stays near the budget. */
    private void finish() {
        if (fresh == 0) {
            return;
        }
        List<Unit> newUnits = current.subList(current.size() - fresh, current.size());
        int newTokens = newUnits.stream().mapToInt(Unit::tokens).sum();
        if (!chunks.isEmpty() && newTokens < tinyTail) {
            List<Unit> previous = chunks.get(chunks.size() - 1);
            int previousTokens = previous.stream().mapToInt(Unit::tokens).sum();
            if (previousTokens + newTokens <= tailCeiling) {
                List<Unit> grown = new ArrayList<>(previous);
                grown.addAll(newUnits);
                chunks.set(chunks.size() - 1, grown);
                return;
            }
        }
        chunks.add(current);
    }

    private void add(Unit unit) {
        current.add(unit);
        currentTokens += unit.tokens();
        fresh++;
    }

    private void reset() {
        current = new ArrayList<>();
        currentTokens = 0;
        fresh = 0;
    }

    private static String join(List<Unit> units) {
        StringBuilder sb = new StringBuilder();
        for (Unit u : units) {
            sb.append(sb.length() == 0 ? "" : u.separator()).append(u.text());
        }
        return sb.toString();
    }
}
