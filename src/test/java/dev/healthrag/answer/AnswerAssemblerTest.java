package dev.healthrag.answer;

import dev.healthrag.answer.verify.GroundedSentence;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the assembler shows of verified sentences, apart from the verifier's own verdicts. */
class AnswerAssemblerTest {

    private static GroundedSentence kept(String text) {
        return new GroundedSentence(text, List.of(1), true, "quoted", "\n");
    }

    private static GroundedSentence removed(String text) {
        return new GroundedSentence(text, List.of(), false, "no source supports it", "\n");
    }

    @Test
    void givenALeadInWhoseOnlyItemWasRemoved_whenAssembled_thenTheLeadInIsRemovedToo() {
        List<GroundedSentence> checked = List.of(kept("Tumours are graded by how abnormal the cells look."),
                kept("The following test may be done on the tissue:"), removed("- Immunohistochemistry: a test."),
                kept("Some tumours are diagnosed by imaging tests."));

        List<GroundedSentence> shown = AnswerAssembler.withoutOrphanedLeadIns(checked);

        assertEquals(List.of(true, false, false, true), shown.stream().map(GroundedSentence::supported).toList());
        assertEquals("lead-in whose list items were all removed", shown.get(1).reason());
    }

    @Test
    void givenALeadInThatKeepsOneOfItsItems_whenAssembled_thenBothStay() {
        List<GroundedSentence> checked = List.of(kept("Symptoms may include:"), removed("- a made-up symptom"),
                kept("- fever"));

        List<GroundedSentence> shown = AnswerAssembler.withoutOrphanedLeadIns(checked);

        assertEquals(List.of(true, false, true), shown.stream().map(GroundedSentence::supported).toList());
    }

    @Test
    void givenALeadInThatEndsTheAnswer_whenAssembled_thenItIsRemoved() {
        List<GroundedSentence> shown = AnswerAssembler.withoutOrphanedLeadIns(
                List.of(kept("Fever is common."), kept("Treatment options include: [1]")));

        assertEquals(List.of(true, false), shown.stream().map(GroundedSentence::supported).toList());
    }
}
