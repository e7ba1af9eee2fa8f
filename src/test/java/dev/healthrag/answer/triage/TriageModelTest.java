package dev.healthrag.answer.triage;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TriageModelTest {

    @Test
    void givenEmergenciesCloserToEmergencyExemplarsAndQuestionsFramedAsQuestions_whenFitted_thenTheWeightsSaySo() {
        List<TriageModel.Example> examples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            examples.add(new TriageModel.Example(0.05 + i * 0.002, Set.of(), true));
            examples.add(new TriageModel.Example(-0.05 + i * 0.002, Set.of(FramingCue.QUESTION), false));
            examples.add(new TriageModel.Example(0.02, Set.of(FramingCue.IDIOM), false));
        }

        TriageModel model = TriageModel.fit(examples);

        assertTrue(model.marginWeight() > 0, model.toString());
        assertTrue(model.cueWeight(FramingCue.QUESTION) < 0, model.toString());
        assertTrue(model.cueWeight(FramingCue.IDIOM) < 0, model.toString());
        assertEquals(0, model.cueWeight(FramingCue.PAST), "a cue no example shows keeps weight 0");
        assertTrue(model.probability(0.08, Set.of()) > 0.5);
        assertTrue(model.probability(0.02, Set.of(FramingCue.IDIOM)) < 0.5);
    }

    @Test
    void givenTheSameExamples_whenFittedTwice_thenTheModelsAreTheSame() {
        List<TriageModel.Example> examples = List.of(new TriageModel.Example(0.1, Set.of(FramingCue.URGENT), true),
                new TriageModel.Example(-0.1, Set.of(FramingCue.QUESTION), false));

        assertEquals(TriageModel.fit(examples).toString(), TriageModel.fit(examples).toString());
    }
}
