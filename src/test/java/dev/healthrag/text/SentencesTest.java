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

    @Test
    void aMessageSplitsBeforeLowerCaseAndAtLineBreaksButKeepsAbbreviationsAndDecimals() {
        String message = "my son fell off the trampoline. now he won't wake up!! dr. patel said to watch him\n"
                + "he weighs 20.5 kg, takes ibuprofen etc. when needed. what do i do?";

        assertEquals(List.of("my son fell off the trampoline.", "now he won't wake up!!", "dr. patel said to watch him",
                "he weighs 20.5 kg, takes ibuprofen etc. when needed.", "what do i do?"),
                Sentences.splitMessage(message));
    }

    @Test
    void aMessageWithoutBoundariesIsOneSentence() {
        assertEquals(List.of("chest pain and my left arm is numb"),
                Sentences.splitMessage("  chest pain and my left arm is numb  "));
    }
}
