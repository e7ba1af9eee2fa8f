package dev.healthrag.answer.triage;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FramingCueTest {

    @Test
    void givenSomethingThatJustHappened_whenRead_thenItIsUrgent() {
        assertTrue(FramingCue.in("my dad just collapsed, help!").contains(FramingCue.URGENT));
    }

    @Test
    void givenAGeneralQuestion_whenRead_thenItIsAQuestionAndNotUrgent() {
        assertEquals(Set.of(FramingCue.QUESTION), FramingCue.in("what are the signs of a stroke?"));
    }

    @Test
    void givenAReferenceLibrarysQuestionForms_whenRead_thenEachIsAQuestion() {
        for (String question : java.util.List.of("Is Cornelia de Lange syndrome inherited ?",
                "Is ankyloblepharon-ectodermal defects-cleft lip/palate syndrome inherited ?",
                "what research (or clinical trials) is being done for Ohtahara Syndrome ?",
                "What to do for Kidney Stones in Adults ?", "Who is at risk for Parasites - Scabies? ?")) {
            assertTrue(FramingCue.in(question).contains(FramingCue.QUESTION), question);
        }
    }

    @Test
    void givenAReportThatOpensWithIs_whenRead_thenItIsNotAQuestionForThatAlone() {
        assertFalse(FramingCue.in("is my baby having a seizure, her arms keep jerking").contains(FramingCue.QUESTION));
    }

    @Test
    void givenAReportThatOpensWithAWhenClause_whenRead_thenItIsNotAQuestion() {
        assertFalse(FramingCue.in("When I got here this morning she's in bed and I can't rouse her at all")
                .contains(FramingCue.QUESTION));
        assertTrue(FramingCue.in("when should i go to the hospital during labor").contains(FramingCue.QUESTION));
        assertTrue(FramingCue.in("where exactly is your appendix").contains(FramingCue.QUESTION));
    }

    @Test
    void givenSomethingThatBeganMinutesAgoOrHasNotEased_whenRead_thenItIsUrgent() {
        for (String report : java.util.List.of("he had a sort of twitching fit a minute ago",
                "i cant catch my breath, been going for half an hour", "it hasn't eased sitting down",
                "I can't rouse her at all")) {
            assertTrue(FramingCue.in(report).contains(FramingCue.URGENT), report);
        }
    }

    @Test
    void givenAnEpisodeAtAnAgeLongPassed_whenRead_thenItIsInThePast() {
        assertTrue(FramingCue.in("When my son was 2 he had anaphylaxis after eating cashews").contains(FramingCue.PAST));
        assertTrue(FramingCue.in("when i was a kid i had seizures").contains(FramingCue.PAST));
    }

    @Test
    void givenPlanningForLater_whenRead_thenItIsHypothetical() {
        assertTrue(FramingCue.in("what should I do if my son ever has a seizure").contains(FramingCue.HYPOTHETICAL));
    }

    @Test
    void givenAnEpisodeThatIsOver_whenRead_thenItIsResolved() {
        assertTrue(FramingCue.in("I fainted at the gym but was fine after a minute").contains(FramingCue.RESOLVED));
    }

    @Test
    void givenWhatEndedAnEpisodeOrTheSpeakerBackAtWork_whenRead_thenItIsResolved() {
        assertTrue(FramingCue.in("had a nosebleed this morning that stopped after 5 min").contains(FramingCue.RESOLVED));
        assertTrue(FramingCue.in("my heart was racing but calmed down after an hour").contains(FramingCue.RESOLVED));
        assertTrue(FramingCue.in("dark pee after my run, cleared up once i drank water").contains(FramingCue.RESOLVED));
        assertTrue(FramingCue.in("she passed out on tuesday and she's back at work now").contains(FramingCue.RESOLVED));
        assertTrue(FramingCue.in("half her face drooped but it got better").contains(FramingCue.RESOLVED));
        assertTrue(FramingCue.in("the throwing up is over, when can i eat").contains(FramingCue.RESOLVED));
    }

    @Test
    void givenAnEpisodeThatHasNotEnded_whenRead_thenStoppingIsNotResolved() {
        assertFalse(FramingCue.in("the bleeding hasn't stopped after 20 minutes of pressure").contains(FramingCue.RESOLVED));
        assertFalse(FramingCue.in("he still hasn't calmed down after an hour").contains(FramingCue.RESOLVED));
        assertFalse(FramingCue.in("she stopped breathing").contains(FramingCue.RESOLVED));
        assertFalse(FramingCue.in("it hasn't got better since this morning").contains(FramingCue.RESOLVED));
        assertFalse(FramingCue.in("his fever is over 104").contains(FramingCue.RESOLVED));
    }

    @Test
    void givenPainThatWillNotGoAwayOrAPatientWhoInsistsTheyAreFine_whenRead_thenNeitherIsResolved() {
        assertFalse(FramingCue.in("chest pain that won't go away").contains(FramingCue.RESOLVED));
        assertFalse(FramingCue.in("his speech is slurred but he insists he's fine").contains(FramingCue.RESOLVED));
    }

    @Test
    void givenWhenItBegan_whenRead_thenWasFineIsNotResolved() {
        assertFalse(FramingCue.in("she was fine this morning but started bleeding a lot").contains(FramingCue.RESOLVED));
        assertFalse(FramingCue.in("he was fine until he sat down and went grey").contains(FramingCue.RESOLVED));
        assertTrue(FramingCue.in("he bumped his head, cried, and then was fine").contains(FramingCue.RESOLVED));
    }

    @Test
    void givenAnIdiomOrASecondSense_whenRead_thenItIsAnIdiom() {
        assertTrue(FramingCue.in("this traffic is killing me").contains(FramingCue.IDIOM));
        assertTrue(FramingCue.in("my phone battery died").contains(FramingCue.IDIOM));
        assertTrue(FramingCue.in("absolutely killer spin class this morning").contains(FramingCue.IDIOM));
        assertTrue(FramingCue.in("she wanted to die of embarrassment on stage").contains(FramingCue.IDIOM));
    }

    @Test
    void givenSomethingThatKeepsComingBack_whenRead_thenItIsRecurring() {
        assertTrue(FramingCue.in("my wife gets cramps every few weeks since she was a teenager")
                .contains(FramingCue.RECURRING));
        assertTrue(FramingCue.in("whenever I climb the stairs my chest goes tight").contains(FramingCue.RECURRING));
        assertTrue(FramingCue.in("lately my hands go numb").contains(FramingCue.RECURRING));
    }

    @Test
    void givenOneEpisodeHappeningNow_whenRead_thenItIsNotRecurring() {
        assertFalse(FramingCue.in("my chest suddenly went tight ten minutes ago").contains(FramingCue.RECURRING));
        assertFalse(FramingCue.in("he has been seizing for five minutes").contains(FramingCue.RECURRING));
    }

    @Test
    void givenATypographicApostrophe_whenRead_thenItCountsAsAPlainOne() {
        assertTrue(FramingCue.in("she won\u2019t wake up").contains(FramingCue.URGENT));
    }
}
