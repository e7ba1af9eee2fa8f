package dev.healthrag.retrieval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MessageSubjectTest {

    @Test
    void theShortTextBeforeTheFirstFullStopIsTheSubject() {
        assertEquals(List.of("gout"), MessageSubject.parts("gout. my toe has hurt since the party, what can I do"));
    }

    @Test
    void aSubjectNamingSeveralConditionsIsSearchedPerCondition() {
        assertEquals(List.of("sleep apnea", "heart failure", "kidney stones"),
                MessageSubject.parts("sleep apnea; heart failure and kidney stones. which doctor do I see first"));
    }

    @Test
    void aMessageWithoutASubjectLineHasNone() {
        assertEquals(List.of(), MessageSubject.parts("how is asthma diagnosed"));
        assertEquals(List.of(), MessageSubject.parts("what is gout."));
        assertEquals(List.of(), MessageSubject.parts("... and then. nothing"));
    }

    @Test
    void aLongFirstSentenceIsPartOfTheMessageNotItsSubject() {
        assertEquals(List.of(), MessageSubject.parts(
                "my father was told last week that his kidneys are failing. what happens next"));
    }
}
