package dev.healthrag.cli;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class BenchCommandTest {

    @Inject
    BenchCommand bench;

    @Test
    void givenABaselineWithAPartThatHasNoRatios_whenRun_thenItIsRefusedAsBadInput() {
        assertEquals(2, bench.run("--latency-only", "--baseline-app", "target/quarkus-app"));
    }

    @Test
    void givenABaselineFolderWithoutAJar_whenRun_thenItIsRefusedBeforeAnyServiceStarts() {
        assertEquals(2, bench.run("--ratios-only", "--baseline-app", "src"));
    }

    @Test
    void givenNoRounds_whenRun_thenItIsRefusedAsBadInput() {
        assertEquals(2, bench.run("--ratios-only", "--rounds", "0"));
    }
}
