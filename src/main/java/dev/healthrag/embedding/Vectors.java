package dev.healthrag.embedding;

/** Arithmetic on embedding vectors. */
public final class Vectors {

    private Vectors() {
    }

    /** Cosine similarity; does not assume the vectors are normalised. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return dot / Math.sqrt(normA * normB);
    }

    /** Euclidean length. */
    public static double norm(float[] vector) {
        double sum = 0;
        for (float value : vector) {
            sum += (double) value * value;
        }
        return Math.sqrt(sum);
    }

    /**
     * Cosine similarity of two vectors whose lengths ({@link #norm}) are known, in double precision: it agrees with
     * pgvector's to about 1e-6, since pgvector adds in single precision. NaN when either length is 0.
     */
    public static double cosine(float[] a, double normA, float[] b, double normB) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        double norms = normA * normB;
        return norms == 0 ? Double.NaN : dot / norms;
    }
}
