package dev.healthrag.answer.verify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DraftSplitterTest {

    @Test
    void eachSentenceKeepsItsOwnMarkers() {
        List<DraftSentence> sentences = DraftSplitter.split("Rest helps [1]. Ice reduces swelling [2][3].");

        assertEquals(List.of("Rest helps.", "Ice reduces swelling."), sentences.stream().map(DraftSentence::text).toList());
        assertEquals(List.of(List.of(1), List.of(2, 3)), sentences.stream().map(DraftSentence::cited).toList());
    }

    @Test
    void aMarkerAfterTheFullStopBelongsToTheSentenceBeforeIt() {
        List<DraftSentence> sentences = DraftSplitter.split("Rest helps. [1] Ice reduces swelling. [2]");

        assertEquals(List.of("Rest helps.", "Ice reduces swelling."), sentences.stream().map(DraftSentence::text).toList());
        assertEquals(List.of(List.of(1), List.of(2)), sentences.stream().map(DraftSentence::cited).toList());
    }

    @Test
    void paragraphsAndListLinesKeepTheirSeparators() {
        List<DraftSentence> sentences = DraftSplitter.split("Try these steps: [1]\n- Rest [1]\n- Ice [1]\n\nSee a doctor [2].");

        assertEquals(List.of("Try these steps:", "- Rest", "- Ice", "See a doctor."),
                sentences.stream().map(DraftSentence::text).toList());
        assertEquals(List.of("", "\n", "\n", "\n\n"), sentences.stream().map(DraftSentence::separator).toList());
    }
}
