package dev.healthrag.retrieval;

import dev.healthrag.store.Lexicon;

import java.util.List;
import java.util.Optional;

/**
 * Picks the correction for an unknown word among trigram-similar corpus words: the fewest edits
 * (insertions, deletions, substitutions, adjacent swaps), within a budget that grows with word length,
 * ties going to the word more articles use. "mussle" becomes "muscle"; "clutch" stays unknown. A correctly spelt
 * English word the articles lack ("steak") is not a misspelling: it only becomes one of its own inflections that
 * the articles use ("trembles" becomes "tremble"), never a look-alike ("steam").
 */
final class SpellingCorrector {

    private static final List<String> INFLECTIONS = List.of("s", "es", "d", "ed", "ing");

    private SpellingCorrector() {
    }

    static Optional<Lexicon.Entry> correct(String word, List<Lexicon.Entry> candidates, boolean englishWord) {
        int budget = word.length() <= 4 ? 1 : word.length() <= 7 ? 2 : 3;
        Lexicon.Entry best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Lexicon.Entry candidate : candidates) {
            if (englishWord && !inflectionOf(word, candidate.word()) && !inflectionOf(candidate.word(), word)) {
                continue;
            }
            int distance = distance(word, candidate.word());
            if (distance <= budget && (distance < bestDistance
                    || distance == bestDistance && candidate.articles() > best.articles())) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether {@code longer} is {@code stem} with an inflection ending added ("tremble" + "s"). */
    private static boolean inflectionOf(String longer, String stem) {
        return longer.startsWith(stem) && INFLECTIONS.contains(longer.substring(stem.length()));
    }

    /** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one substring). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
