package dev.healthrag.retrieval;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuestionIntentTest {

    @Test
    void givenAMessageThatOnlyNamesItsSubject_whenRead_thenItAsksForTheOverview() {
        assertEquals(Set.of(QuestionIntent.OVERVIEW),
                QuestionIntent.of("My cousin has Leber amaurosis, I don't know where to start"));
        assertEquals(Set.of(QuestionIntent.OVERVIEW), QuestionIntent.of("any good articles about cri du chat?"));
    }

    @Test
    void givenAQuestionThatSaysWhatItAsks_whenRead_thenTheOverviewIsNotAdded() {
        assertEquals(Set.of(QuestionIntent.OUTLOOK), QuestionIntent.of("What is the outlook for Menkes syndrome?"));
        assertEquals(Set.of(QuestionIntent.OVERVIEW), QuestionIntent.of("What is Menkes syndrome?"));
    }

    @Test
    void givenTheOverviewAsked_whenSectionsAreHeaded_thenOnlyTheOverviewAnswers() {
        Set<QuestionIntent> vague = QuestionIntent.of("tell me everything about gout");

        assertTrue(QuestionIntent.answeredBy(vague, "Overview"));
        assertFalse(QuestionIntent.answeredBy(vague, "Inheritance"));
    }
}
