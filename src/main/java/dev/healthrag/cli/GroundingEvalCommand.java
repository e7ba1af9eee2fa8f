package dev.healthrag.cli;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.answer.verify.AlignedSourceVerifier;
import dev.healthrag.answer.verify.VerifierSettings;
import dev.healthrag.eval.grounding.GroundingEvaluation;
import dev.healthrag.eval.grounding.GroundingReport;
import dev.healthrag.eval.grounding.LabelledSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code grounding-eval [FILE] [--calibrate]}: the grounding verifier's share of unsupported claims removed and
 * of supported claims kept on the test half of FILE (default eval/grounding/labelled.jsonl), overall and per
 * transformation type, with the verification time per source. With {@code --calibrate} it first chooses the
 * similarity and overlap thresholds on the calibration half and reports the test half with those.
 */
@ApplicationScoped
public class GroundingEvalCommand {

    private static final double TARGET_REMOVED = 0.95;
    private static final double TARGET_KEPT = 0.90;
    private static final double SLACK = 0.003;

    private final AlignedSourceVerifier verifier;
    private final VerifierSettings configured;

    public GroundingEvalCommand(AlignedSourceVerifier verifier, HealthRagConfig config) {
        this.verifier = verifier;
        this.configured = VerifierSettings.of(config.verification());
    }

    public int run(String... args) {
        Path file = Path.of("eval/grounding/labelled.jsonl");
        boolean calibrate = false;
        for (String arg : args) {
            if (arg.equals("--calibrate")) {
                calibrate = true;
            } else {
                file = Path.of(arg);
            }
        }
        Path labelled = file;
        boolean choose = calibrate;
        return CommandErrors.guarded(() -> {
            List<LabelledSource> sources = GroundingEvaluation.read(labelled);
            VerifierSettings settings = configured;
            if (choose) {
                GroundingEvaluation.Run calibration = GroundingEvaluation.run(verifier,
                        GroundingEvaluation.split(sources, LabelledSource.CALIBRATION));
                settings = GroundingEvaluation.calibrate(calibration.judged(), configured, TARGET_REMOVED,
                        TARGET_KEPT, SLACK);
                System.out.println("\nCalibration half, unsupported removed / supported kept by min-overlap (rows) "
                        + "and min-similarity (columns):");
                System.out.println("| min-overlap | 0.70 | 0.75 | 0.80 | 0.85 | 0.90 | 0.95 |\n|---|---|---|---|---|---|---|");
                GroundingEvaluation.curve(calibration.judged(), configured).forEach(System.out::println);
                print("calibration half, chosen thresholds", GroundingEvaluation.report(calibration.judged(), settings));
                System.out.printf(Locale.ROOT, "%nChosen healthrag.verification.min-similarity=%.2f, "
                        + "healthrag.verification.min-overlap=%.2f%n", settings.minSimilarity(), settings.minOverlap());
            }
            GroundingEvaluation.Run test = GroundingEvaluation.run(verifier,
                    GroundingEvaluation.split(sources, LabelledSource.TEST));
            System.out.printf(Locale.ROOT, "%nThresholds: min-similarity %.2f, min-overlap %.2f, min-shared-terms %d, "
                    + "candidates-per-source %d%n", settings.minSimilarity(), settings.minOverlap(),
                    settings.minSharedTerms(), settings.candidatesPerSource());
            print("test half", GroundingEvaluation.report(test.judged(), settings));
            List<Double> millis = test.millisPerSource().stream().sorted().toList();
            System.out.printf(Locale.ROOT, "%nVerification per source (all its claims in one call): mean %.1f ms, "
                    + "p50 %.1f ms, p95 %.1f ms over %d sources%n",
                    millis.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                    millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.95)), millis.size());
            return 0;
        });
    }

    private static void print(String title, GroundingReport report) {
        System.out.printf("%n%s: unsupported removed %s, supported kept %s%n", title, report.unsupportedRemoved(),
                report.supportedKept());
        System.out.println("| type | judged right |\n|---|---|");
        report.byType().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> System.out.printf("| %s | %s |%n", e.getKey(), e.getValue()));
    }
}
