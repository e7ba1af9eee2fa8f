package dev.healthrag.eval.grounding;

import java.util.Locale;

/** How many of {@code total} claims the verifier judged right. */
public record Rate(int hits, int total) {

    public double share() {
        return total == 0 ? 0 : hits / (double) total;
    }

    Rate plus(boolean hit) {
        return new Rate(hits + (hit ? 1 : 0), total + 1);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.3f (%d/%d)", share(), hits, total);
    }
}
