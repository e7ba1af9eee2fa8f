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
}
