package dev.healthrag.eval.grounding;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.answer.verify.AlignedSourceVerifier;
import dev.healthrag.answer.verify.VerifierSettings;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verifier with its configured thresholds on the committed test half of eval/grounding/labelled.jsonl
 * (./healthrag grounding-eval prints the same figures). The floors sit a little below what it measures, so a
 * change to the checks or thresholds that costs precision or recall fails here.
 */
@QuarkusTest
class GroundingFloorTest {

    private static final double REMOVED_FLOOR = 0.98;
    private static final double KEPT_FLOOR = 0.96;

    @Inject
    AlignedSourceVerifier verifier;

    @Inject
    HealthRagConfig config;

    @Test
    void givenTheLabelledTestHalf_whenVerified_thenUnsupportedClaimsAreRemovedAndSupportedOnesKept() throws IOException {
        List<LabelledSource> test = GroundingEvaluation.split(
                GroundingEvaluation.read(Path.of("eval/grounding/labelled.jsonl")), LabelledSource.TEST);

        GroundingReport report = GroundingEvaluation.report(GroundingEvaluation.run(verifier, test).judged(),
                VerifierSettings.of(config.verification()));

        assertTrue(report.unsupportedRemoved().share() >= REMOVED_FLOOR, "unsupported removed " + report);
        assertTrue(report.supportedKept().share() >= KEPT_FLOOR, "supported kept " + report);
    }
}
