package dev.healthrag.answer.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageStatementsTest {

    @Test
    void aLongMessageGivesItsStatementsWithoutItsQuestionsOrShortFragments() {
        String message = "quick question about omeprazole, i take it before breakfast. thanks. "
                + "tonight its a tight squeezing in my chest spreading to my jaw. can i take an extra one now?";

        assertEquals(List.of("quick question about omeprazole, i take it before breakfast.",
                        "tonight its a tight squeezing in my chest spreading to my jaw."),
                MessageStatements.of(message));
    }

    @Test
    void aOneSentenceMessageWithoutACommaHasNoStatementsOfItsOwn() {
        assertEquals(List.of(), MessageStatements.ofMessage("my dad is clutching his chest and sweating help"));
    }

    @Test
    void aRunOnMessageGivesItsClausesOfEnoughWordsButAnExemplarOnlyItsSentences() {
        assertEquals(List.of("man just collapsed in the gym and isnt breathing",
                        "someone is yelling for the defibrilator what do i do while we wait"),
                MessageStatements.ofMessage("man just collapsed in the gym and isnt breathing, someone is yelling for the "
                        + "defibrilator what do i do while we wait"));
        assertEquals(List.of("my dad is clutching his chest and sweating"),
                MessageStatements.ofMessage("my dad is clutching his chest and sweating, help"));
        assertEquals(List.of(), MessageStatements.of("my dad is clutching his chest and sweating, help"));
    }

    @Test
    void aStatementSplitOnlyAtARealBoundary() {
        assertEquals(List.of("dr. patel gave him 2.5 ml of the syrup an hour ago.", "he is still not breathing right."),
                MessageStatements.of("dr. patel gave him 2.5 ml of the syrup an hour ago. he is still not breathing right."));
    }

    @Test
    void somethingOverIsNarrativeUnlessItCarriesOnIntoNow() {
        assertTrue(MessageStatements.isNarrative("Last summer he collapsed on the pitch and came round quickly."));
        assertTrue(MessageStatements.isNarrative("She had a seizure two years ago."));
        assertFalse(MessageStatements.isNarrative("He fell two days ago and since then he has been vomiting."));
        assertFalse(MessageStatements.isNarrative("Right now her lips are swelling and she is wheezing."));
    }
}
