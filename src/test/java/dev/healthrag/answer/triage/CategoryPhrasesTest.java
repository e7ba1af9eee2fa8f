package dev.healthrag.answer.triage;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CategoryPhrasesTest {

    @Test
    void givenTheSignsOfAStroke_whenRead_thenStrokeIsNamed() {
        assertEquals(Set.of(EmergencyCategory.STROKE), CategoryPhrases.in("my husbands face looks lopsided and when i "
                + "asked him to raise both arms one just drifted down"));
        assertEquals(Set.of(EmergencyCategory.STROKE), CategoryPhrases.in("the left side of her mouth is drooping"));
    }

    @Test
    void givenAKnockToTheHead_whenRead_thenHeadInjuryIsNamed() {
        assertEquals(Set.of(EmergencyCategory.HEAD_INJURY), CategoryPhrases.in("took a big knock to the head at rugby, "
                + "being sick and I was planning to sleep it off"));
    }

    @Test
    void givenAnAllergicReaction_whenRead_thenAnaphylaxisIsNamed() {
        assertEquals(Set.of(EmergencyCategory.ANAPHYLAXIS), CategoryPhrases.in("she's allergic to sesame and just ate "
                + "some, blotchy rash and her voice is going hoarse"));
    }

    @Test
    void givenSomeoneThreateningToHurtThemselves_whenRead_thenSuicideIsNamed() {
        assertEquals(Set.of(EmergencyCategory.SUICIDE), CategoryPhrases.in("roommate locked herself in the bathroom "
                + "saying she's going to hurt herself"));
    }

    @Test
    void givenTwoHallmarks_whenRead_thenBothAreNamedAndNeitherDecides() {
        assertEquals(Set.of(EmergencyCategory.ANAPHYLAXIS, EmergencyCategory.CHEST_PAIN),
                CategoryPhrases.in("allergic to penicillin and now my chest is tight"));
    }

    @Test
    void givenSpeechSuddenlySlurred_whenRead_thenStrokeIsNamed() {
        assertEquals(Set.of(EmergencyCategory.STROKE), CategoryPhrases.in("on the phone with my aunt and she suddenly "
                + "started slurring and not making any sense"));
    }

    @Test
    void givenSlurringThatIsNotSudden_whenRead_thenStrokeIsNotNamedForDrinkSugarOrHeatSlurToo() {
        assertEquals(Set.of(), CategoryPhrases.in("friend with diabetes is pale, clammy, slurring"));
    }

    @Test
    void givenBleedingThatPressureDoesNotStop_whenRead_thenBleedingIsNamed() {
        assertEquals(Set.of(EmergencyCategory.BLEEDING), CategoryPhrases.in("dog bit my forearm, its deep and the "
                + "bleeding wont slow down even pressing hard"));
        assertEquals(Set.of(EmergencyCategory.BLEEDING), CategoryPhrases.in("cut my hand on a broken glass and it "
                + "won't stop bleeding, the towel is soaked through"));
    }

    @Test
    void givenBleedingInPregnancy_whenRead_thenBleedingIsNotNamedSoTheNeighboursPickPregnancyBleeding() {
        assertEquals(Set.of(), CategoryPhrases.in("I'm 30 weeks pregnant and the bleeding won't stop"));
    }

    @Test
    void givenManyPillsAnEmptyBottleOrGas_whenRead_thenPoisoningIsNamed() {
        assertEquals(Set.of(EmergencyCategory.POISONING), CategoryPhrases.in("i took like 20 tylenol about an hour ago "
                + "for a toothache"));
        assertEquals(Set.of(EmergencyCategory.POISONING), CategoryPhrases.in("think she took a bunch of her adhd pills "
                + "at a party"));
        assertEquals(Set.of(EmergencyCategory.POISONING), CategoryPhrases.in("found an empty bottle of extra strength "
                + "Tylenol in the bin"));
        assertEquals(Set.of(EmergencyCategory.POISONING), CategoryPhrases.in("our CO alarm is beeping and my husband "
                + "is drowsy"));
    }

    @Test
    void givenAFewPillsOrAnOddFeeling_whenRead_thenPoisoningIsNotNamed() {
        assertEquals(Set.of(), CategoryPhrases.in("took 2 tylenol for my headache, is it ok to drink tonight"));
        assertEquals(Set.of(), CategoryPhrases.in("that's odd, my vision went blurry for a second"));
        assertEquals(Set.of(), CategoryPhrases.in("I've taken about 10 puffs of the blue inhaler in the last hour"));
    }

    @Test
    void givenSomeoneWhoWillNotWakeUp_whenRead_thenSuicideIsNotNamed() {
        assertEquals(Set.of(), CategoryPhrases.in("my dad will not wake up and he's breathing funny"));
        assertEquals(Set.of(EmergencyCategory.SUICIDE), CategoryPhrases.in("i just want to go to sleep and not wake up"));
    }
}
