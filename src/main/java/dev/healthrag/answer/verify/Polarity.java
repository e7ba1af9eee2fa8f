package dev.healthrag.answer.verify;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a sentence negates and hedges, as the words the cues bear on: "do not take aspirin" negates "take",
 * "may cause" hedges "caus", "will cause" asserts it. Tying each cue to its word lets a draft drop a clause of
 * the source (and its negation) without being judged to contradict it.
 *
 * @param roots     the roots of every word of the sentence
 * @param negated   roots of the words a negation bears on (not, no, never, none, nor, neither, without), with how
 *                  often: "may not release ... or may not release" is not "may release ... or may not release"
 * @param hedged    roots of the words a hedge bears on (may, might, could, can, possibly, sometimes)
 * @param certain   roots of the words a certainty bears on (will, must, always, definitely, certainly)
 */
record Polarity(Set<String> roots, Map<String, Integer> negated, Set<String> hedged, Set<String> certain) {

    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "none", "nor", "neither", "without");
    private static final Set<String> HEDGES = Set.of("may", "might", "could", "can", "possibly", "sometimes");
    private static final Set<String> CERTAINTIES = Set.of("will", "must", "always", "definitely", "certainly");
    // Words between a cue and the word it bears on: "is not usually the", "can not be".
    private static final Set<String> FILLERS = Set.of("be", "been", "being", "is", "are", "was", "were", "the", "a",
            "an", "to", "do", "does", "did", "have", "has", "had", "usually", "often", "also", "very", "only", "all",
            "any", "it", "they", "you", "this", "that", "these", "those", "ever", "not", "always", "generally",
            "necessarily", "really", "even", "yet", "one", "single", "known", "more", "longer", "further", "so");
    private static final int REACH = 4;

    static Polarity of(String normalised) {
        List<String> tokens = ClaimText.tokens(normalised);
        Set<String> roots = new HashSet<>();
        Map<String, Integer> negated = new HashMap<>();
        Set<String> hedged = new HashSet<>();
        Set<String> certain = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            roots.add(ClaimText.root(token));
            boolean negation = NEGATIONS.contains(token);
            Set<String> modal = HEDGES.contains(token) ? hedged : CERTAINTIES.contains(token) ? certain : null;
            if (negation || modal != null) {
                String head = head(tokens, i);
                if (head != null && negation) {
                    negated.merge(head, 1, Integer::sum);
                } else if (head != null) {
                    modal.add(head);
                }
            }
        }
        return new Polarity(roots, negated, hedged, certain);
    }

    private static String head(List<String> tokens, int cue) {
        for (int j = cue + 1; j < tokens.size() && j <= cue + REACH; j++) {
            String word = tokens.get(j);
            // Adverbs are skipped too: "can usually enjoy" and "can typically enjoy" hedge the same word.
            if (!FILLERS.contains(word) && !word.endsWith("ly") && !NEGATIONS.contains(word) && !HEDGES.contains(word)) {
                return ClaimText.root(word);
            }
        }
        return null;
    }

    /** Whether this (a draft sentence) negates a word the source does not, or drops a negation the source has. */
    boolean negationDiffers(Polarity source) {
        return differs(negated, source.negated, source.roots) || differs(source.negated, negated, roots);
    }

    /**
     * Whether this asserts what the source hedges, hedges what it asserts, or drops the source's hedge on a word
     * it keeps ("may cause" → "causes"). Hedging a plain statement is allowed: it overstates nothing.
     */
    boolean modalityDiffers(Polarity source) {
        for (String word : certain) {
            if (source.hedged.contains(word)) {
                return true;
            }
        }
        for (String word : hedged) {
            if (source.certain.contains(word)) {
                return true;
            }
        }
        for (String word : source.hedged) {
            if (roots.contains(word) && !hedged.contains(word) && !source.negated.containsKey(word)) {
                return true;
            }
        }
        return false;
    }

    /** A word {@code mine} negates more often than {@code theirs} does, though their sentence has the word. */
    private static boolean differs(Map<String, Integer> mine, Map<String, Integer> theirs, Set<String> theirRoots) {
        for (Map.Entry<String, Integer> word : mine.entrySet()) {
            if (word.getValue() > theirs.getOrDefault(word.getKey(), 0) && theirRoots.contains(word.getKey())) {
                return true;
            }
        }
        return false;
    }
}
