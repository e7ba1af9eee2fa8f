package dev.healthrag.ingest;

import dev.healthrag.ingest.SentenceSplitter.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * Last resort for runaway "sentences" (flattened tables, symptom lists run together): cut at
 * clause punctuation, and only if a clause alone still exceeds the budget, at word boundaries.
 * Without this, such text would exceed the embedding model's input and be silently truncated.
 */
final class ClauseSplitter {

    private ClauseSplitter() {
    }

    static List<Unit> split(Unit unit, int maxTokens) {
        List<Unit> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String clause : unit.text().split("(?<=[;:,])\\s+|\\s+(?=[-\u2013\u2014]\\s)")) {
            if (TokenEstimator.estimate(clause) > maxTokens) {
                flush(pieces, piece, unit.separator());
                words(clause, maxTokens, pieces, unit.separator());
                continue;
            }
            String candidate = piece.length() == 0 ? clause : piece + " " + clause;
            if (TokenEstimator.estimate(candidate) > maxTokens) {
                flush(pieces, piece, unit.separator());
                piece.append(clause);
            } else {
                piece.setLength(0);
                piece.append(candidate);
            }
        }
        flush(pieces, piece, unit.separator());
        return pieces;
    }

    private static void words(String clause, int maxTokens, List<Unit> pieces, String separator) {
        StringBuilder piece = new StringBuilder();
        for (String word : clause.split("\\s+")) {
            String candidate = piece.length() == 0 ? word : piece + " " + word;
            if (piece.length() > 0 && TokenEstimator.estimate(candidate) > maxTokens) {
                flush(pieces, piece, separator);
                piece.append(word);
            } else {
                piece.setLength(0);
                piece.append(candidate);
            }
        }
        flush(pieces, piece, separator);
    }

    private static void flush(List<Unit> pieces, StringBuilder piece, String separator) {
        if (piece.length() > 0) {
            pieces.add(new Unit(piece.toString(), pieces.isEmpty() ? separator : " "));
            piece.setLength(0);
        }
    }
}
