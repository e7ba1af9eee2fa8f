package dev.healthrag.eval;

import dev.healthrag.answer.Answer;
import dev.healthrag.answer.AnswerMode;
import dev.healthrag.answer.Citation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Accumulates the answer metrics of a group of questions. Shares of "cited", "[1]" and latency are over every
 * question of the group; the text checks (gold words, dangling lead-in, anaphor, markers) over the answered ones,
 * since a no-answer has no text of the sources to judge.
 */
public final class AnswerQuality {

    private final List<Outcome> outcomes = new ArrayList<>();

    /** One question's answer, as the evaluation judged it. */
    public record Outcome(String id, String mode, boolean answered, boolean relevantCited, boolean firstRelevant,
                          double goldWordShare, boolean danglingLeadIn, boolean leadingAnaphor, boolean markersValid,
                          double latencyMs, String body, List<String> citedArticles) {

        public static Outcome of(EvalQuestion question, Answer answer, double latencyMs) {
            boolean answered = answer.mode() != AnswerMode.NO_ANSWER;
            List<String> cited = answer.citations().stream().map(Citation::articleId).toList();
            Set<String> relevant = question.relevant();
            String body = answered ? answer.body() : "";
            return new Outcome(question.id(), answer.mode().wireName(), answered,
                    cited.stream().anyMatch(relevant::contains),
                    !cited.isEmpty() && relevant.contains(cited.get(0)),
                    answered ? AnswerChecks.goldWordShare(body, question.answer()) : Double.NaN,
                    answered && AnswerChecks.danglingLeadIn(body), answered && AnswerChecks.leadingAnaphor(body),
                    !answered || AnswerChecks.markersValid(body, answer.citations()), latencyMs, body, cited);
        }
    }

    /** The group's metrics; NaN where no question of the group could be judged. */
    public record Summary(int questions, double answered, double relevantCited, double firstRelevant,
                          double goldWordShare, double danglingLeadIn, double leadingAnaphor, double markersValid,
                          double p50Ms, double p95Ms) {
    }

    public void add(Outcome outcome) {
        outcomes.add(outcome);
    }

    public Summary summary() {
        List<Outcome> answered = outcomes.stream().filter(Outcome::answered).toList();
        List<Double> latencies = new ArrayList<>(outcomes.stream().map(Outcome::latencyMs).toList());
        Collections.sort(latencies);
        double gold = answered.stream().mapToDouble(Outcome::goldWordShare).filter(v -> !Double.isNaN(v))
                .average().orElse(Double.NaN);
        return new Summary(outcomes.size(), share(outcomes, Outcome::answered), share(outcomes, Outcome::relevantCited),
                share(outcomes, Outcome::firstRelevant), round(gold), share(answered, Outcome::danglingLeadIn),
                share(answered, Outcome::leadingAnaphor), share(answered, Outcome::markersValid),
                RankingMetrics.percentile(latencies, 50), RankingMetrics.percentile(latencies, 95));
    }

    private static double share(List<Outcome> outcomes, java.util.function.Predicate<Outcome> test) {
        return outcomes.isEmpty() ? Double.NaN : round(outcomes.stream().filter(test).count() / (double) outcomes.size());
    }

    private static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 1000) / 1000.0;
    }
}
