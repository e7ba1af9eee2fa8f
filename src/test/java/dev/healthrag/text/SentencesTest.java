package dev.healthrag.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void keepsAbbreviationsDecimalsAndInitialsInsideSentences() {
        String text = "Dr. Lee of the U.S. Centers for Disease Control advises 1.5 litres a day, e.g. Water or tea. "
                + "The study by J. R. Smith, Ph.D. Was small. See Fig. 2 for details. Ask about No. 5 on the list.";

        List<String> sentences = Sentences.split(text);

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
                "Done."), Sentences.split(text));
    }

    @Test
    void doesNotSplitWhenTheNextWordIsLowerCase() {
        assertEquals(List.of("Take it with food, i.e. after a meal, and avoid alcohol etc. until you feel better."),
                Sentences.split("Take it with food, i.e. after a meal, and avoid alcohol etc. until you feel better."));
    }

    @Test
    void splitsAfterASingleLetterThatEndsASentence() {
        assertEquals(List.of("Most people lack vitamin D.", "Sunlight helps."),
                Sentences.split("Most people lack vitamin D. Sunlight helps."));
    }
}
