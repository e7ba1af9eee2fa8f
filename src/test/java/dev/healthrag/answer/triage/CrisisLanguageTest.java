package dev.healthrag.answer.triage;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrisisLanguageTest {

    @Test
    void givenAStatedWishToDie_whenRead_thenItIsIntent() {
        String message = "i am going to die tonight, i have the pills ready";
        assertTrue(CrisisLanguage.statesIntent(message, FramingCue.in(message)));
    }

    @Test
    void givenTheDreadOfAnAttackOrAReaction_whenRead_thenItIsNotIntent() {
        String message = "she's allergic to sesame and just ate some, her voice is going hoarse and she says she "
                + "feels like she's going to die";
        assertFalse(CrisisLanguage.statesIntent(message, FramingCue.in(message)));
    }

    @Test
    void givenDreadAndAStatedWish_whenRead_thenTheWishStillCounts() {
        String message = "i feel like i'm going to die of loneliness and honestly i want to die";
        assertTrue(CrisisLanguage.statesIntent(message, FramingCue.in(message)));
    }
}
