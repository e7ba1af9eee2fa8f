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
 * A regression floor on the calibration set (eval/triage/heldout.jsonl, the set the threshold was chosen on): a
 * little below what the classifier measures there, so a change that loses emergencies or raises false alarms fails.
 */
@QuarkusTest
class TriageCalibrationSetFloorTest {

    private static final double MIN_RECALL = 0.96;
    private static final double MAX_FALSE_ALARMS = 0.03;

    @Inject
    EmergencyTriage triage;

    @Test
    void givenTheCalibrationSet_whenTriaged_thenRecallAndFalseAlarmsStayWithinTheirFloors() throws Exception {
        TriageEvaluation evaluation = TriageEvaluation.run(triage,
                TriageExemplar.parse(Files.readAllLines(Path.of("eval/triage/heldout.jsonl"))));

        TriageEvaluation.Rates rates = evaluation.overall();
        assertTrue(rates.recall() >= MIN_RECALL, "recall " + rates.recall() + "; missed:\n" + evaluation.misses()
                .stream().map(o -> o.message().text()).collect(Collectors.joining("\n")));
        assertTrue(rates.falseAlarmRate() <= MAX_FALSE_ALARMS, "false alarms " + rates.falseAlarmRate() + ":\n"
                + evaluation.falseAlarms().stream().map(o -> o.message().text()).collect(Collectors.joining("\n")));
    }
}
