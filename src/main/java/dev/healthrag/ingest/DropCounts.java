package dev.healthrag.ingest;

import java.util.EnumMap;
import java.util.Map;

/** Tally of what one article's readers left out, filled while the article is read. Not thread-safe. */
final class DropCounts {

    private final Map<DropReason, Integer> counts = new EnumMap<>(DropReason.class);

    void add(DropReason reason, int count) {
        if (count > 0) {
            counts.merge(reason, count, Integer::sum);
        }
    }

    /** Only reasons with a count above zero, so "nothing dropped" is an empty map. */
    Map<DropReason, Integer> toMap() {
        return Map.copyOf(counts);
    }
}
