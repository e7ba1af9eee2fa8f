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
 * Regression floors on the development sets of real traffic's shape (eval/triage/README.md): long messages with an
 * emergency told amid backstory, or a past or managed one (long-dev), and ordinary consumer questions (consumer-dev).
 * A little below what the classifier measures on them, so that reading statements alone, or a change to the
 * exemplars, cannot silently lose those emergencies or send ordinary questions to emergency help again.
 */
@QuarkusTest
class TriageLongMessagesFloorTest {

    @Inject
    EmergencyTriage triage;

    @Test
    void givenLongMessages_whenTriaged_thenAnEmergencyAmidBackstoryIsFoundAndAPastOneIsNot() throws Exception {
        TriageEvaluation.Rates rates = rates("eval/triage/long-dev.jsonl");

        assertTrue(rates.recall() >= 0.95, "recall " + rates.recall());
        assertTrue(rates.falseAlarmRate() <= 0.12, "false alarms " + rates.falseAlarmRate());
    }

    @Test
    void givenOrdinaryConsumerQuestions_whenTriaged_thenFewAreSentToEmergencyHelp() throws Exception {
        TriageEvaluation.Rates rates = rates("eval/triage/consumer-dev.jsonl");

        assertTrue(rates.falseAlarmRate() <= 0.13, "false alarms " + rates.falseAlarmRate());
        assertTrue(rates.recall() == 1.0, "recall " + rates.recall());
    }

    private TriageEvaluation.Rates rates(String file) throws Exception {
        TriageEvaluation evaluation = TriageEvaluation.run(triage, TriageExemplar.parse(Files.readAllLines(Path.of(file))));
        System.out.println(file + ": missed " + evaluation.misses().stream().map(o -> o.message().text())
                .collect(Collectors.joining(" | ")));
        return evaluation.overall();
    }
}
