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
 * emergency told amid backstory, or a past or managed one (long-dev), ordinary consumer questions (consumer-dev), and
 * panicked messages in lay words beside near misses whose episode ended (dev10).
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

    @Test
    void givenPanickedMessagesAndNearMisses_whenTriaged_thenEmergenciesAreFoundAndEpisodesThatEndedAreNot() throws Exception {
        TriageEvaluation evaluation = evaluate("eval/triage/dev10.jsonl");
        TriageEvaluation.Rates rates = evaluation.overall();

        assertTrue(rates.recall() >= 0.96, "recall " + rates.recall());
        assertTrue(rates.falseAlarmRate() <= 0.035, "false alarms " + rates.falseAlarmRate());
        // A stroke told the crisis-line text, or an overdose only the emergency number, is told the wrong thing.
        assertTrue(evaluation.guidanceAccuracy() >= 0.97, "guidance right " + evaluation.guidanceAccuracy());
    }

    private TriageEvaluation.Rates rates(String file) throws Exception {
        return evaluate(file).overall();
    }

    private TriageEvaluation evaluate(String file) throws Exception {
        TriageEvaluation evaluation = TriageEvaluation.run(triage, TriageExemplar.parse(Files.readAllLines(Path.of(file))));
        System.out.println(file + ": missed " + evaluation.misses().stream().map(o -> o.message().text())
                .collect(Collectors.joining(" | ")));
        return evaluation;
    }
}
