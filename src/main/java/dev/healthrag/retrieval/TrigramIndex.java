package dev.healthrag.retrieval;

import dev.healthrag.store.Lexicon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The corpus words by their trigrams, in memory, to find the words nearest to a misspelling the way pg_trgm's
 * {@code <->} does (similarity = shared trigrams / all trigrams of the two, each word padded as "  word "),
 * in a few microseconds instead of the milliseconds a trigram GiST scan takes per word.
 */
final class TrigramIndex {

    private static final int[] NONE = new int[0];

    private final List<Lexicon.Entry> words;
    private final int[] trigramCounts;
    private final Map<String, int[]> wordsByTrigram;

    TrigramIndex(List<Lexicon.Entry> words) {
        this.words = List.copyOf(words);
        this.trigramCounts = new int[this.words.size()];
        Map<String, List<Integer>> building = new HashMap<>();
        for (int id = 0; id < this.words.size(); id++) {
            Set<String> trigrams = trigrams(this.words.get(id).word());
            trigramCounts[id] = trigrams.size();
            for (String trigram : trigrams) {
                building.computeIfAbsent(trigram, t -> new ArrayList<>()).add(id);
            }
        }
        this.wordsByTrigram = new HashMap<>(building.size() * 2);
        building.forEach((trigram, ids) -> wordsByTrigram.put(trigram, ids.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** The {@code limit} words most similar to {@code word}, most similar first (ties: the more common word). */
    List<Lexicon.Entry> nearest(String word, int limit) {
        Set<String> trigrams = trigrams(word);
        int[] shared = new int[words.size()];
        List<Integer> touched = new ArrayList<>();
        for (String trigram : trigrams) {
            for (int id : wordsByTrigram.getOrDefault(trigram, NONE)) {
                if (shared[id]++ == 0) {
                    touched.add(id);
                }
            }
        }
        Comparator<Integer> bySimilarity = Comparator
                .comparingDouble((Integer id) -> similarity(shared[id], trigrams.size(), trigramCounts[id])).reversed()
                .thenComparing(id -> -words.get(id).articles())
                .thenComparing(id -> words.get(id).word());
        // A bounded insertion into the best few: thousands of words share a trigram, a handful are wanted.
        List<Integer> best = new ArrayList<>(limit + 1);
        for (int id : touched) {
            if (best.size() < limit || bySimilarity.compare(id, best.get(best.size() - 1)) < 0) {
                int at = 0;
                while (at < best.size() && bySimilarity.compare(best.get(at), id) <= 0) {
                    at++;
                }
                best.add(at, id);
                if (best.size() > limit) {
                    best.remove(limit);
                }
            }
        }
        return best.stream().map(words::get).toList();
    }

    private static double similarity(int shared, int trigramsOfA, int trigramsOfB) {
        return shared / (double) (trigramsOfA + trigramsOfB - shared);
    }

    /** pg_trgm's trigrams of one lower-case word: two spaces before it, one after, every three characters. */
    static Set<String> trigrams(String word) {
        String padded = "  " + word + " ";
        Set<String> trigrams = new LinkedHashSet<>();
        for (int i = 0; i + 3 <= padded.length(); i++) {
            trigrams.add(padded.substring(i, i + 3));
        }
        return trigrams;
    }
}
