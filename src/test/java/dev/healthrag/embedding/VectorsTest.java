package dev.healthrag.embedding;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VectorsTest {

    @Test
    void cosineIgnoresLengthAndSeesDirection() {
        // given a vector, a longer one pointing the same way, one at right angles and one opposite
        float[] v = {1, 2, 0};

        // then only direction counts
        assertEquals(1.0, Vectors.cosine(v, new float[] {3, 6, 0}), 1e-9);
        assertEquals(0.0, Vectors.cosine(v, new float[] {-2, 1, 5}), 1e-9);
        assertEquals(-1.0, Vectors.cosine(v, new float[] {-1, -2, 0}), 1e-9);
    }

    @Test
    void givenKnownLengths_whenCompared_thenTheCosineIsTheSameAsComputedWhole_andNaNForAZeroVector() {
        float[] a = {1, 2, 0};
        float[] b = {0.5f, -1, 3};

        assertEquals(Math.sqrt(5), Vectors.norm(a), 1e-12);
        assertEquals(Vectors.cosine(a, b), Vectors.cosine(a, Vectors.norm(a), b, Vectors.norm(b)), 1e-12);
        assertEquals(Double.NaN, Vectors.cosine(a, Vectors.norm(a), new float[3], 0.0));
    }
}
