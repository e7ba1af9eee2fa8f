package dev.healthrag.answer.triage;

import dev.healthrag.embedding.Embedder;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ExemplarTriageTest {

    @Inject
    EmergencyTriage triage;

    @Inject
    Embedder embedder;

    @Inject
    ExemplarTriage exemplarTriage;

    @Test
    void givenAChildWhoSwallowedAButtonBattery_whenAssessed_thenItIsAPoisoningEmergency() {
        assertEmergency("my daughter swallowed a button battery", EmergencyCategory.POISONING);
    }

    @Test
    void givenSomeoneClutchingTheirChestAndUnableToSpeak_whenAssessed_thenItIsAChestPainEmergency() {
        assertEmergency("my husband is clutching his chest and can't get words out", EmergencyCategory.CHEST_PAIN);
    }

    @Test
    void givenAWishNotToWakeUp_whenAssessed_thenItIsASuicideEmergency() {
        assertEmergency("I want to go to sleep and not wake up", EmergencyCategory.SUICIDE);
    }

    @Test
    void givenAQuestionAskingForTheMeansToDie_whenAssessed_thenItIsASuicideEmergency() {
        assertEmergency("how much of my blood pressure medicine would it take to never wake up",
                EmergencyCategory.SUICIDE);
        assertEmergency("what is the most painless way to go, asking for myself", EmergencyCategory.SUICIDE);
    }

    @Test
    void givenAnEmergencyFoundInAStatementWithoutAHallmark_whenAssessed_thenItTakesTheHallmarkOfItsMessage() {
        // The emergency shows in "I was planning to just sleep it off", whose words sit near crisis messages: read
        // alone it would be told the crisis line, not the emergency number a head injury needs.
        assertEmergency("Played rugby this afternoon and took a pretty big knock to the head in the second half, I was "
                + "dazed but finished the game. The lads and I went to the pub after and I only had one pint. Since then "
                + "my headache has gotten much worse, I've been sick twice in the toilets, and my left pupil looks bigger "
                + "than my right in the mirror. I'm also finding it weirdly hard to stay awake and my mate says I'm "
                + "slurring but that might be the beer. I was planning to just sleep it off at my mate's flat. Is that "
                + "fine?", EmergencyCategory.HEAD_INJURY);
    }

    @Test
    void givenTheEasiestWayToGoAboutSomething_whenAssessed_thenItIsNotAnEmergency() {
        assertNotEmergency("what's the most painless way to go about getting my ears pierced?");
    }

    @Test
    void givenAQuestionAboutTreatingStroke_whenAssessed_thenItIsNotAnEmergency() {
        assertNotEmergency("how is a stroke treated?");
    }

    @Test
    void givenAQuestionAboutOverdosingOnAVitamin_whenAssessed_thenItIsNotAnEmergency() {
        assertNotEmergency("can you overdose on vitamin C?");
    }

    @Test
    void givenAQuestionAboutWhatAnaphylaxisLooksLike_whenAssessed_thenItIsNotAnEmergency() {
        assertNotEmergency("what does anaphylaxis look like?");
    }

    @Test
    void givenAKneeThatIsKillingMeAfterSquats_whenAssessed_thenTheIdiomIsNotAnEmergency() {
        assertNotEmergency("my knee is killing me after squats");
    }

    @Test
    void givenTheBundledExemplars_whenTheModelIsFitted_thenAPatternThatKeepsComingBackCountsAgainstAnEmergency() {
        assertTrue(exemplarTriage.model().cueWeight(FramingCue.RECURRING) < 0,
                "the exemplars' recurring complaints are informational far more often than emergencies");
    }

    @Test
    void givenAnyMessage_whenAssessed_thenTheReasonNamesTheNearestExemplarsAndTheThreshold() {
        TriageDecision decision = triage.assess("my dad just collapsed and is not breathing");

        assertTrue(decision.reason().contains("nearest emergency exemplars"), decision.reason());
        assertTrue(decision.reason().contains("urgent"), decision.reason());
        assertTrue(decision.score() >= 0 && decision.score() <= 1);
    }

    @Test
    void givenAMessage_whenAssessed_thenTheDecisionCarriesTheVectorOfExactlyThatText() {
        String message = "why do my muscles twitch after a hard workout?";

        TriageDecision decision = triage.assess(message);

        assertEquals(message, decision.message().text());
        assertArrayEquals(embedder.embedQuery(message), decision.message().vector(), 1e-6f);
        assertNotNull(decision.message().vectorFor(message));
        assertNull(decision.message().vectorFor(message + " (fasciculation)"), "another text gets no vector");
    }

    private void assertEmergency(String message, EmergencyCategory category) {
        TriageDecision decision = triage.assess(message);
        assertTrue(decision.emergency(), decision.reason());
        assertEquals(category, decision.category(), decision.reason());
    }

    private void assertNotEmergency(String message) {
        TriageDecision decision = triage.assess(message);
        assertFalse(decision.emergency(), decision.reason());
    }
}
