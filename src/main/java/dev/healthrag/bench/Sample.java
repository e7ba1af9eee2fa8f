package dev.healthrag.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Latencies of one measured run (or of several pooled), its errors and its wall time: percentiles and rates are
 * computed from the raw values, so ratios of two samples carry no rounding.
 *
 * @param latenciesMs one per request or operation, in any order
 * @param seconds     wall time the run took, for the rate
 */
public record Sample(List<Double> latenciesMs, int errors, double seconds) {

    public Sample {
        latenciesMs = latenciesMs.stream().sorted().toList();
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must not be negative: " + seconds);
        }
    }

    /** The samples as one: their latencies together, errors and wall times added. */
    public static Sample pooled(Collection<Sample> samples) {
        List<Double> all = new ArrayList<>();
        int errors = 0;
        double seconds = 0;
        for (Sample sample : samples) {
            all.addAll(sample.latenciesMs());
            errors += sample.errors();
            seconds += sample.seconds();
        }
        return new Sample(all, errors, seconds);
    }

    /** The nearest-rank percentile {@code p} (1-100) in milliseconds, unrounded; 0 for an empty sample. */
    public double percentileMs(int p) {
        if (p < 1 || p > 100) {
            throw new IllegalArgumentException("p must be within 1-100: " + p);
        }
        if (latenciesMs.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * latenciesMs.size()) - 1;
        return latenciesMs.get(Math.max(0, index));
    }

    /** Operations per second of wall time. */
    public double perSecond() {
        return seconds == 0 ? 0 : latenciesMs.size() / seconds;
    }

    /** As {@link LoadRun.Result}: percentiles rounded to 0.1 ms, the rate to 0.1 per second. */
    LoadRun.Result summary() {
        return new LoadRun.Result(latenciesMs.size(), errors, round(percentileMs(50)), round(percentileMs(95)),
                round(percentileMs(99)), round(perSecond()));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
