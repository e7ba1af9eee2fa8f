package dev.healthrag.retrieval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NeighbourExpanderTest {

    @Test
    void theOverlapBetweenTwoChunksAppearsOnce() {
        String joined = NeighbourExpander.join("First point. Second point. Shared sentence.",
                "Shared sentence. Third point.");

        assertEquals("First point. Second point. Shared sentence. Third point.", joined);
    }

    @Test
    void chunksWithoutOverlapAreSimplyJoined() {
        assertEquals("One. Two.", NeighbourExpander.join("One.", "Two."));
    }

    @Test
    void aPartialWordIsNotMistakenForOverlap() {
        assertEquals("It ends in cramp. cramping follows.", NeighbourExpander.join("It ends in cramp.", "cramping follows."));
    }
}
