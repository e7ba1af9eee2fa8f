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
            if (TokenEstimator.estimate(word) > maxTokens) {
                // No space to cut at (a long URL, "x-x-x-..."): cut the word itself, or the chunk would exceed
                // the model's input and its tail be silently dropped from the embedding.
                flush(pieces, piece, separator);
                characters(word, maxTokens, pieces, separator);
                continue;
            }
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

    /**
     * Longest prefixes within the budget, never splitting a surrogate pair. Counts as {@link TokenEstimator}
     * does, incrementally, so a word of any length is cut in one pass.
     */
    private static void characters(String word, int maxTokens, List<Unit> pieces, String separator) {
        int start = 0;
        int words = 0;
        int punctuation = 0;
        boolean inWord = false;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            boolean letter = Character.isLetterOrDigit(cp);
            int nextWords = words + (letter && !inWord ? 1 : 0);
            int nextPunctuation = punctuation + (letter || Character.isWhitespace(cp) ? 0 : 1);
            if (i > start && Math.ceil(nextWords * TokenEstimator.PIECES_PER_WORD + nextPunctuation) > maxTokens) {
                pieces.add(new Unit(word.substring(start, i), pieces.isEmpty() ? separator : " "));
                start = i;
                words = 0;
                punctuation = 0;
                inWord = false;
                continue; // count this code point again, as the first of the next piece
            }
            words = nextWords;
            punctuation = nextPunctuation;
            inWord = letter;
            i += Character.charCount(cp);
        }
        if (start < word.length()) {
            pieces.add(new Unit(word.substring(start), pieces.isEmpty() ? separator : " "));
        }
    }

    private static void flush(List<Unit> pieces, StringBuilder piece, String separator) {
        if (piece.length() > 0) {
            pieces.add(new Unit(piece.toString(), pieces.isEmpty() ? separator : " "));
            piece.setLength(0);
        }
    }
}
