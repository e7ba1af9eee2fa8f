package dev.healthrag.answer;

import dev.healthrag.answer.triage.TriageDecision;
import dev.healthrag.answer.verify.GroundedSentence;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.function.Supplier;

/**
 * The answering path's meters on /q/metrics: stage latency (healthrag.answer.stage{stage}), answers by mode
 * (healthrag.answers{mode}), triage verdicts by category (healthrag.triage{category}) and the verifier's
 * verdicts per sentence (healthrag.verifier.sentences{verdict}).
 */
@ApplicationScoped
public class AnswerMetrics {

    private final MeterRegistry registry;

    public AnswerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    TriageDecision triage(Supplier<TriageDecision> step) {
        TriageDecision decision = timed("triage", step);
        registry.counter("healthrag.triage", "category",
                decision.emergency() ? decision.category().id() : "none").increment();
        return decision;
    }

    <T> T generation(Supplier<T> step) {
        return timed("generate", step);
    }

    /** Times a streamed generation from subscription to its end, whether it completes, fails or is cancelled. */
    <T> Multi<T> streamedGeneration(Multi<T> stream) {
        return Multi.createFrom().deferred(() -> {
            Timer.Sample sample = Timer.start(registry);
            return stream.onTermination().invoke(() -> sample.stop(
                    Timer.builder("healthrag.answer.stage").tag("stage", "generate").register(registry)));
        });
    }

    <T> T verification(Supplier<T> step) {
        return timed("verify", step);
    }

    void verified(List<GroundedSentence> checked) {
        for (GroundedSentence sentence : checked) {
            registry.counter("healthrag.verifier.sentences", "verdict", sentence.supported() ? "kept" : "removed")
                    .increment();
        }
    }

    void answered(Answer answer) {
        registry.counter("healthrag.answers", "mode", answer.mode().wireName()).increment();
    }

    private <T> T timed(String stage, Supplier<T> step) {
        return Timer.builder("healthrag.answer.stage").tag("stage", stage).register(registry).record(step);
    }
}
