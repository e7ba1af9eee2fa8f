package dev.healthrag.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerChecksTest {

    @Test
    void givenALeadInEndingInAColonWithoutItsList_whenChecked_thenItDangles() {
        assertTrue(AnswerChecks.danglingLeadIn("Typical triggers are: [1]\n\nCramps wake people at night [2]."));
        assertFalse(AnswerChecks.danglingLeadIn("Typical triggers are: [1]\n- strong coffee [1]"));
    }

    @Test
    void givenASentenceThatAnnouncesAListAndNoListOfItsSourceFollows_whenChecked_thenItDangles() {
        assertTrue(AnswerChecks.danglingLeadIn("The Human Phenotype Ontology provides the following list of signs and "
                + "symptoms for ABCD syndrome [1]. You can use the MedlinePlus Medical Dictionary to look up the "
                + "definitions for these medical terms [1].\n\nABCD syndrome is very rare [2]."));
    }

    @Test
    void givenASentenceThatAnnouncesAListAndItsListFollows_whenChecked_thenItDoesNotDangle() {
        assertFalse(AnswerChecks.danglingLeadIn("The Human Phenotype Ontology provides the following list of signs and "
                + "symptoms for ABCD syndrome [1]. If the information is available, the table below includes how often "
                + "the symptom is seen [1].\n\nSigns and Symptoms (approximate number of patients, when available): [1]\n"
                + "- Albinism [1]\n- Hearing impairment [1]"));
    }
}
