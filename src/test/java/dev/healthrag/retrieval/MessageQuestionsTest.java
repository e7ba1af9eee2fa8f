package dev.healthrag.retrieval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MessageQuestionsTest {

    @Test
    void givenAMessageAskingTwoQuestions_whenRead_thenEachIsAPart() {
        assertEquals(List.of("What causes leg cramps at night?", "And how is gout treated?"),
                MessageQuestions.of("What causes leg cramps at night? And how is gout treated?"));
    }

    @Test
    void givenALowerCaseMessageAskingTwoQuestions_whenRead_thenEachIsAPart() {
        assertEquals(List.of("what causes leg cramps at night?", "how is gout treated?"),
                MessageQuestions.of("what causes leg cramps at night? how is gout treated?"));
    }

    @Test
    void givenOneQuestionInContext_whenRead_thenThereAreNoParts() {
        assertEquals(List.of(), MessageQuestions.of("My son has asthma. He coughs at night. Is that normal?"));
        assertEquals(List.of(), MessageQuestions.of("how is asthma diagnosed"));
    }

    @Test
    void givenManyQuestions_whenRead_thenAtMostFourAreParts() {
        assertEquals(4, MessageQuestions.of("Is it gout? Is it arthritis? Is it a sprain? Is it a fracture? "
                + "Is it bursitis?").size());
    }
}
