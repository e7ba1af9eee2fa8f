package dev.healthrag.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.healthrag.ingest.SentenceSplitter.Unit;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    @Test
    void keepsAbbreviationsDecimalsAndInitialsInsideSentences() {
        String text = "Dr. Lee of the U.S. Centers for Disease Control advises 1.5 litres a day, e.g. Water or tea. "
                + "The study by J. R. Smith, Ph.D. Was small. See Fig. 2 for details. Ask about No. 5 on the list.";

        List<String> sentences = SentenceSplitter.sentences(text);

        assertEquals(List.of(
                "Dr. Lee of the U.S. Centers for Disease Control advises 1.5 litres a day, e.g. Water or tea.",
                "The study by J. R. Smith, Ph.D. Was small.",
                "See Fig. 2 for details.",
                "Ask about No. 5 on the list."), sentences);
    }

    @Test
    void splitsOnQuestionAndExclamationMarksAndAfterClosingQuotes() {
        String text = "Is it serious? Usually not! She said \"drink more water.\" Then she left (briefly.) Done.";

        assertEquals(List.of("Is it serious?", "Usually not!", "She said \"drink more water.\"", "Then she left (briefly.)",
                "Done."), SentenceSplitter.sentences(text));
    }

    @Test
    void doesNotSplitWhenTheNextWordIsLowerCase() {
        assertEquals(List.of("Take it with food, i.e. after a meal, and avoid alcohol etc. until you feel better."),
                SentenceSplitter.sentences("Take it with food, i.e. after a meal, and avoid alcohol etc. until you feel better."));
    }

    @Test
    void splitsAfterASingleLetterThatEndsASentence() {
        assertEquals(List.of("Most people lack vitamin D.", "Sunlight helps."),
                SentenceSplitter.sentences("Most people lack vitamin D. Sunlight helps."));
    }

    @Test
    void treatsListLinesAsUnitsWithTheirSeparators() {
        String text = "Signs include: rash. Fever.\n\n- Itching. Worse at night.\n- Dry skin\n\nSee a doctor.";

        List<Unit> units = SentenceSplitter.units(text);

        assertEquals(List.of("Signs include: rash.", "Fever.", "- Itching. Worse at night.", "- Dry skin", "See a doctor."),
                units.stream().map(Unit::text).toList());
        assertEquals(List.of("\n\n", " ", "\n\n", "\n", "\n\n"), units.stream().map(Unit::separator).toList());
    }
}
