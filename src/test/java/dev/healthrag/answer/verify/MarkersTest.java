package dev.healthrag.answer.verify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkersTest {

    @Test
    void stripTakesEveryMarkerOutAndListsItsSourcesOnce() {
        Markers.Marked marked = Markers.strip("One fact [2, 3] and another [Source 1][2].");

        assertEquals("One fact and another.", marked.text());
        assertEquals(List.of(2, 3, 1), marked.refs());
    }

    @Test
    void understandsSemicolonsAndNamedSources() {
        assertEquals(List.of(1, 2), Markers.strip("Three [sources 1; 2].").refs());
    }

    @Test
    void aTextWithoutMarkersIsUnchanged() {
        Markers.Marked marked = Markers.strip("Nothing cited here.");

        assertTrue(marked.refs().isEmpty());
        assertEquals("Nothing cited here.", marked.text());
    }

    @Test
    void attachPutsMarkersBeforeTheClosingPunctuation() {
        assertEquals("Rest helps [1][3].", Markers.attach("Rest helps.", List.of(1, 3)));
        assertEquals("- Ice the ankle [2]", Markers.attach("- Ice the ankle", List.of(2)));
        assertEquals("No refs.", Markers.attach("No refs.", List.of()));
    }

    @Test
    void onlyMarkersRecognisesALeftoverMarker() {
        assertTrue(Markers.onlyMarkers(" [2]"));
        assertFalse(Markers.onlyMarkers("See [2]."));
    }
}
