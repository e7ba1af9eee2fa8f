package dev.healthrag.answer.triage;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The exemplars with their unit-length embeddings, searched exhaustively (a few hundred dot products). */
final class ExemplarIndex {

    private final List<TriageExemplar> exemplars;
    private final float[][] vectors;
    private final int k;

    /** @param vectors one unit-length embedding per exemplar, in the same order */
    ExemplarIndex(List<TriageExemplar> exemplars, List<float[]> vectors, int k) {
        if (exemplars.size() != vectors.size()) {
            throw new IllegalArgumentException(exemplars.size() + " exemplars but " + vectors.size() + " vectors");
        }
        this.exemplars = List.copyOf(exemplars);
        this.vectors = vectors.toArray(float[][]::new);
        this.k = k;
    }

    int size() {
        return exemplars.size();
    }

    TriageExemplar exemplar(int i) {
        return exemplars.get(i);
    }

    /**
     * The neighbours of a unit-length query vector; when {@code named} holds exactly one category, that is the
     * category, else the nearest emergency exemplars' vote decides.
     */
    Neighbours near(float[] query, Set<EmergencyCategory> named) {
        return near(query, -1, named);
    }

    /** The neighbours of exemplar {@code i} among the others: its features as a message the index never saw. */
    Neighbours nearExemplar(int i) {
        return near(vectors[i], i, Set.of());
    }

    private Neighbours near(float[] query, int skip, Set<EmergencyCategory> named) {
        TopK emergency = new TopK(k);
        TopK informational = new TopK(k);
        for (int i = 0; i < vectors.length; i++) {
            if (i != skip) {
                (exemplars.get(i).emergency() ? emergency : informational).offer(i, dot(query, vectors[i]));
            }
        }
        Map<EmergencyCategory, Double> votes = new EnumMap<>(EmergencyCategory.class);
        for (int j = 0; j < emergency.size(); j++) {
            votes.merge(exemplars.get(emergency.index(j)).category(), emergency.similarity(j), Double::sum);
        }
        EmergencyCategory category = named.size() == 1 ? named.iterator().next()
                : votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        return new Neighbours(emergency.mean(), informational.mean(), category);
    }

    static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** The k highest similarities offered, kept sorted by insertion (k is small). */
    private static final class TopK {
        private final int[] indexes;
        private final double[] similarities;
        private int size;

        TopK(int k) {
            indexes = new int[k];
            similarities = new double[k];
        }

        void offer(int index, double similarity) {
            if (size == indexes.length && similarity <= similarities[size - 1]) {
                return;
            }
            int at = Math.min(size, indexes.length - 1);
            while (at > 0 && similarities[at - 1] < similarity) {
                similarities[at] = similarities[at - 1];
                indexes[at] = indexes[at - 1];
                at--;
            }
            similarities[at] = similarity;
            indexes[at] = index;
            size = Math.min(size + 1, indexes.length);
        }

        int size() {
            return size;
        }

        int index(int j) {
            return indexes[j];
        }

        double similarity(int j) {
            return similarities[j];
        }

        double mean() {
            double sum = 0;
            for (int j = 0; j < size; j++) {
                sum += similarities[j];
            }
            return size == 0 ? 0 : sum / size;
        }
    }
}
