package dev.healthrag.answer.triage;

import dev.healthrag.eval.TriageEvaluation;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A regression floor on the development set (eval/triage/dev.jsonl): a little below what the classifier
 * measures there, so a change that loses emergencies or raises false alarms fails here.
 */
@QuarkusTest
class TriageDevSetFloorTest {

    private static final double MIN_RECALL = 0.97;
    private static final double MAX_FALSE_ALARMS = 0.04;

    @Inject
    EmergencyTriage triage;

    @Test
    void givenTheDevSet_whenTriaged_thenRecallAndFalseAlarmsStayWithinTheirFloors() throws Exception {
        TriageEvaluation evaluation = TriageEvaluation.run(triage,
                TriageExemplar.parse(Files.readAllLines(Path.of("eval/triage/dev.jsonl"))));

        TriageEvaluation.Rates rates = evaluation.overall();
        assertTrue(rates.recall() >= MIN_RECALL, "recall " + rates.recall() + "; missed:\n" + evaluation.misses()
                .stream().map(o -> o.message().text()).collect(Collectors.joining("\n")));
        assertTrue(rates.falseAlarmRate() <= MAX_FALSE_ALARMS, "false alarms " + rates.falseAlarmRate() + ":\n"
                + evaluation.falseAlarms().stream().map(o -> o.message().text()).collect(Collectors.joining("\n")));
    }
}
