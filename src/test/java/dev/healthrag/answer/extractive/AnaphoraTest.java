package dev.healthrag.answer.extractive;

import dev.healthrag.retrieval.QuestionIntent;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnaphoraTest {

    @Test
    void givenOpeningsThatPointBack_whenChecked_thenTheyReferBack() {
        for (String sentence : new String[] {"This is usually harmless.", "These symptoms fade.", "Both kinds hurt.",
                "It is caused by a virus.", "They often follow exercise.", "Such cramps are common.",
                "Those at risk should rest.", "The condition is rare.", "However, most people recover.",
                "In addition, rest helps."}) {
            assertTrue(Anaphora.refersBack(sentence), sentence);
        }
    }

    @Test
    void givenSentencesThatStandAlone_whenChecked_thenTheyDoNot() {
        for (String sentence : new String[] {"Itching is common in winter.", "Thesis statements are short.",
                "It is important to drink water.", "The symptoms of gout include joint pain.",
                "Muscle cramps are sudden contractions.", "Stillbirth is rare."}) {
            assertFalse(Anaphora.refersBack(sentence), sentence);
        }
    }

    @Test
    void givenQuestionsOfSeveralKinds_whenTheirIntentIsRead_thenTheMatchingHeadingsAnswerThem() {
        assertEquals(Set.of(QuestionIntent.SYMPTOMS), QuestionIntent.of("What are the symptoms of gout?"));
        assertTrue(QuestionIntent.answeredBy(QuestionIntent.of("How is gout treated?"), "Treatment"));
        assertTrue(QuestionIntent.answeredBy(QuestionIntent.of("What triggers twitchy muscles?"), "Common triggers"));
        assertTrue(QuestionIntent.answeredBy(QuestionIntent.of("Is Stargardt disease inherited?"), "Inheritance"));
        assertTrue(QuestionIntent.answeredBy(QuestionIntent.of("What is the outlook for gout?"), "Outlook"));
        assertFalse(QuestionIntent.answeredBy(QuestionIntent.of("What are the symptoms of gout?"), "Treatment"));
    }
}
