package dev.healthrag.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the relevance floor from the best-chunk similarities of questions the library answers
 * (in scope) and questions it does not (out of scope): the floor that best separates the two
 * (balanced accuracy) among those that still answer at least {@link #MIN_ANSWERED} of in-scope questions.
 */
public final class Calibration {

    static final double MIN_ANSWERED = 0.95;

    public record Point(double threshold, double answeredInScope, double refusedOutOfScope) {
        double balancedAccuracy() {
            return (answeredInScope + refusedOutOfScope) / 2;
        }
    }

    public record Result(Point chosen, List<Point> curve) {
    }

    private Calibration() {
    }

    public static Result choose(List<Double> inScope, List<Double> outOfScope) {
        List<Point> curve = new ArrayList<>();
        Point best = null;
        for (int step = 20; step <= 95; step++) {
            double threshold = step / 100.0;
            Point point = new Point(threshold, share(inScope, s -> s >= threshold), share(outOfScope, s -> s < threshold));
            curve.add(point);
            if (point.answeredInScope() >= MIN_ANSWERED
                    && (best == null || point.balancedAccuracy() > best.balancedAccuracy())) {
                best = point;
            }
        }
        return new Result(best == null ? curve.get(0) : best, curve);
    }

    private static double share(List<Double> values, java.util.function.DoublePredicate test) {
        return values.isEmpty() ? 0 : Math.round(1000.0 * values.stream().filter(test::test).count() / values.size()) / 1000.0;
    }
}
