package dev.healthrag.ingest;

import dev.healthrag.text.Sentences;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits section text into the smallest pieces a chunk may start or end on: sentences of
 * paragraphs and whole list lines. A missed boundary only makes a unit longer, while a false
 * one cuts a sentence in two, so every doubtful case ("Dr.", "U.S.", "e.g. ibuprofen", "1.5")
 * is treated as no boundary.
 */
final class SentenceSplitter {

    /** Text of one unit and the separator that precedes it when it follows another unit. */
    record Unit(String text, String separator, int tokens) {
        Unit(String text, String separator) {
            this(text, separator, TokenEstimator.estimate(text));
        }
    }

    private SentenceSplitter() {
    }

    /** Paragraph breaks become "\n\n" separators, list lines "\n", sentences " ". */
    static List<Unit> units(String text) {
        List<Unit> units = new ArrayList<>();
        for (String block : text.split("\n\\s*\n")) {
            String separator = "\n\n";
            for (String line : block.split("\n")) {
                String l = line.strip();
                if (l.isEmpty()) {
                    continue;
                }
                if (l.startsWith("- ")) {
                    units.add(new Unit(l, separator));
                    separator = "\n";
                    continue;
                }
                for (String sentence : Sentences.split(l)) {
                    units.add(new Unit(sentence, separator));
                    separator = " ";
                }
                separator = "\n";
            }
        }
        return units;
    }
}
