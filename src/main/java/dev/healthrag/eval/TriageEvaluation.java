package dev.healthrag.eval;

import dev.healthrag.answer.triage.EmergencyTriage;
import dev.healthrag.answer.triage.TriageDecision;
import dev.healthrag.answer.triage.TriageExemplar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Triage measured on labelled messages: recall (emergencies flagged), false-alarm rate (informational messages
 * flagged), both overall and by the category a message is labelled with, and the flagged emergencies whose
 * category was right.
 */
public record TriageEvaluation(List<Outcome> outcomes) {

    /** One message, its label, and what triage made of it (and how long that took). */
    public record Outcome(TriageExemplar message, TriageDecision decision, long nanos) {

        public boolean missed() {
            return message.emergency() && !decision.emergency();
        }

        public boolean falseAlarm() {
            return !message.emergency() && decision.emergency();
        }

        /** The label's category id; "other" for an informational message about no emergency. */
        public String categoryId() {
            return message.category() == null ? "other" : message.category().id();
        }
    }

    /** Recall and false-alarm rate of one group of messages; NaN where the group has none of that label. */
    public record Rates(int emergencies, int flagged, int informational, int falseAlarms) {

        public double recall() {
            return emergencies == 0 ? Double.NaN : (double) flagged / emergencies;
        }

        public double falseAlarmRate() {
            return informational == 0 ? Double.NaN : (double) falseAlarms / informational;
        }
    }

    public static TriageEvaluation run(EmergencyTriage triage, List<TriageExemplar> messages) {
        List<Outcome> outcomes = new ArrayList<>();
        for (TriageExemplar message : messages) {
            long start = System.nanoTime();
            TriageDecision decision = triage.assess(message.text());
            outcomes.add(new Outcome(message, decision, System.nanoTime() - start));
        }
        return new TriageEvaluation(List.copyOf(outcomes));
    }

    public Rates overall() {
        return rates(outcome -> true);
    }

    /** Rates by label category, in id order. */
    public Map<String, Rates> byCategory() {
        Map<String, Rates> rates = new TreeMap<>();
        outcomes.stream().map(Outcome::categoryId).distinct()
                .forEach(id -> rates.put(id, rates(outcome -> outcome.categoryId().equals(id))));
        return rates;
    }

    /** The same decisions' scores against another threshold: how recall and false alarms would move. */
    public Rates atThreshold(double threshold) {
        return rates(outcome -> true, outcome -> outcome.decision().score() >= threshold);
    }

    /** Share of flagged emergencies given their labelled category. */
    public double categoryAccuracy() {
        return shareOfFlagged(o -> Objects.equals(o.decision().category(), o.message().category()));
    }

    /**
     * Share of flagged emergencies given the guidance text of their labelled category (emergency number, crisis
     * line or poison control): what a reader is told, which a wrong category changes only across those three.
     */
    public double guidanceAccuracy() {
        return shareOfFlagged(o -> o.decision().category().guidance() == o.message().category().guidance());
    }

    /** Share of flagged emergencies for which {@code right} holds; NaN when none was flagged. */
    private double shareOfFlagged(Predicate<Outcome> right) {
        List<Outcome> flagged = outcomes.stream().filter(o -> o.message().emergency() && o.decision().emergency())
                .toList();
        return flagged.isEmpty() ? Double.NaN : (double) flagged.stream().filter(right).count() / flagged.size();
    }

    public List<Outcome> misses() {
        return outcomes.stream().filter(Outcome::missed).toList();
    }

    public List<Outcome> falseAlarms() {
        return outcomes.stream().filter(Outcome::falseAlarm).toList();
    }

    /** Flagged emergencies given another category than their label's. */
    public List<Outcome> wrongCategories() {
        return outcomes.stream().filter(o -> o.message().emergency() && o.decision().emergency()
                && o.decision().category() != o.message().category()).toList();
    }

    /** The p-th percentile (0-100) of the time one assessment took, in milliseconds. */
    public double latencyMillis(double percentile) {
        long[] sorted = outcomes.stream().mapToLong(Outcome::nanos).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int at = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100 * sorted.length) - 1);
        return sorted[Math.max(0, at)] / 1e6;
    }

    private Rates rates(Predicate<Outcome> in) {
        return rates(in, outcome -> outcome.decision().emergency());
    }

    private Rates rates(Predicate<Outcome> in, Predicate<Outcome> flags) {
        int emergencies = 0;
        int flagged = 0;
        int informational = 0;
        int falseAlarms = 0;
        for (Outcome outcome : outcomes) {
            if (!in.test(outcome)) {
                continue;
            }
            boolean flag = flags.test(outcome);
            if (outcome.message().emergency()) {
                emergencies++;
                flagged += flag ? 1 : 0;
            } else {
                informational++;
                falseAlarms += flag ? 1 : 0;
            }
        }
        return new Rates(emergencies, flagged, informational, falseAlarms);
    }
}
