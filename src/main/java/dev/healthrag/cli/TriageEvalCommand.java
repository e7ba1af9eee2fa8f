package dev.healthrag.cli;

import dev.healthrag.answer.triage.ExemplarTriage;
import dev.healthrag.answer.triage.TriageExemplar;
import dev.healthrag.eval.TriageEvaluation;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code triage-eval [FILE...]} (default eval/triage/heldout.jsonl): runs triage over labelled messages (the
 * exemplars' format) and prints, per file, recall and false-alarm rate overall and by category, how both would
 * move at other thresholds, the misses, false alarms and wrong categories, and the time per message.
 */
@ApplicationScoped
public class TriageEvalCommand {

    private static final double[] THRESHOLDS = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    private final ExemplarTriage triage;

    public TriageEvalCommand(ExemplarTriage triage) {
        this.triage = triage;
    }

    public int run(String... args) {
        List<Path> files = args.length == 0 ? List.of(Path.of("eval/triage/heldout.jsonl"))
                : Arrays.stream(args).map(Path::of).toList();
        return CommandErrors.guarded(() -> {
            long start = System.nanoTime();
            triage.warmUp();
            System.out.printf("Triage ready in %d ms; model: %s; threshold %.2f%n",
                    (System.nanoTime() - start) / 1_000_000, triage.model(), triage.threshold());
            for (Path file : files) {
                List<TriageExemplar> messages = TriageExemplar.parse(Files.readAllLines(file));
                print(file, TriageEvaluation.run(triage, messages));
            }
            return 0;
        });
    }

    private void print(Path file, TriageEvaluation evaluation) {
        TriageEvaluation.Rates all = evaluation.overall();
        System.out.printf("%n## %s: %d emergencies, %d informational%n%n", file, all.emergencies(),
                all.informational());
        System.out.printf("recall %.3f (%d/%d), false alarms %.3f (%d/%d), category right %.3f, guidance right %.3f%n%n",
                all.recall(), all.flagged(), all.emergencies(), all.falseAlarmRate(), all.falseAlarms(),
                all.informational(), evaluation.categoryAccuracy(), evaluation.guidanceAccuracy());
        System.out.println("| category | emergencies | recall | informational | false alarms |\n|---|---|---|---|---|");
        for (Map.Entry<String, TriageEvaluation.Rates> entry : evaluation.byCategory().entrySet()) {
            TriageEvaluation.Rates r = entry.getValue();
            System.out.printf("| %s | %d | %s | %d | %s |%n", entry.getKey(), r.emergencies(), rate(r.recall()),
                    r.informational(), rate(r.falseAlarmRate()));
        }
        System.out.println("\n| threshold | recall | false alarms |\n|---|---|---|");
        for (double threshold : THRESHOLDS) {
            TriageEvaluation.Rates r = evaluation.atThreshold(threshold);
            System.out.printf("| %.2f | %.3f | %.3f |%n", threshold, r.recall(), r.falseAlarmRate());
        }
        System.out.printf("%nper message: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", evaluation.latencyMillis(50),
                evaluation.latencyMillis(95), evaluation.latencyMillis(100));
        list("Missed emergencies", evaluation.misses());
        list("False alarms", evaluation.falseAlarms());
        list("Wrong category", evaluation.wrongCategories());
    }

    private static void list(String title, List<TriageEvaluation.Outcome> outcomes) {
        System.out.printf("%n%s (%d):%n", title, outcomes.size());
        for (TriageEvaluation.Outcome outcome : outcomes) {
            String got = outcome.decision().category() == null ? "" : " -> " + outcome.decision().category().id();
            System.out.printf("  [%s%s] %s%n      %s%n", outcome.categoryId(), got, outcome.message().text(),
                    outcome.decision().reason());
        }
    }

    private static String rate(double value) {
        return Double.isNaN(value) ? "-" : String.format("%.3f", value);
    }
}
