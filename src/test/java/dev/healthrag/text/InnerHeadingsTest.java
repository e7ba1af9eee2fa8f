package dev.healthrag.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InnerHeadingsTest {

    @Test
    void givenAChunkWithASmallSectionMergedIn_whenRead_thenItsHeadingIsFoundAndNoSentenceOrItemIs() {
        String text = "Treatment for ADEM suppresses inflammation.\n\nOutlook\n\nThe long-term prognosis is favorable."
                + "\n\nThese resources address management:\n\n- Genetic Testing Registry\n- Drug Therapy";

        assertEquals(List.of("Outlook"), InnerHeadings.of(text));
    }

    @Test
    void givenLinesOfEveryKind_whenJudged_thenOnlyShortCapitalisedUnpunctuatedOnesAreHeadings() {
        assertTrue(InnerHeadings.isHeading("Preventing Night Cramps"));
        assertFalse(InnerHeadings.isHeading("The long-term prognosis is favorable."), "a sentence");
        assertFalse(InnerHeadings.isHeading("Causes include:"), "a lead-in");
        assertFalse(InnerHeadings.isHeading("- Drug Therapy"), "a list item");
        assertFalse(InnerHeadings.isHeading("travel to developing countries"), "lower case: an item cut off");
        assertFalse(InnerHeadings.isHeading("Vaccinating people who have hemophilia for hepatitis A and B"),
                "more than eight words");
    }
}
