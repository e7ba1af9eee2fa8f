package dev.healthrag.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SampleTest {

    @Test
    void givenUnorderedLatencies_whenAskedForPercentiles_thenTheyAreNearestRankAndUnrounded() {
        Sample sample = new Sample(List.of(4.25, 1.05, 3.0, 2.0), 0, 1);

        assertEquals(2.0, sample.percentileMs(50));
        assertEquals(4.25, sample.percentileMs(95));
        assertEquals(1.05, sample.percentileMs(1));
    }

    @Test
    void givenTwoSamples_whenPooled_thenLatenciesErrorsAndTimesAddUp() {
        Sample pooled = Sample.pooled(List.of(new Sample(List.of(1.0, 9.0), 1, 2), new Sample(List.of(5.0), 0, 1)));

        assertEquals(List.of(1.0, 5.0, 9.0), pooled.latenciesMs());
        assertEquals(1, pooled.errors());
        assertEquals(1.0, pooled.perSecond(), 1e-9, "3 requests in 3 s");
        assertEquals(5.0, pooled.percentileMs(50));
    }

    @Test
    void givenAnEmptySample_whenSummarised_thenItsFiguresAreZero() {
        LoadRun.Result summary = new Sample(List.of(), 0, 0).summary();

        assertEquals(0, summary.p50Ms());
        assertEquals(0, summary.perSecond());
    }

    @Test
    void givenAPercentileOutOfRange_whenAsked_thenItIsRefused() {
        Sample sample = new Sample(List.of(1.0), 0, 1);

        assertThrows(IllegalArgumentException.class, () -> sample.percentileMs(0));
        assertThrows(IllegalArgumentException.class, () -> sample.percentileMs(101));
    }
}
