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
}
