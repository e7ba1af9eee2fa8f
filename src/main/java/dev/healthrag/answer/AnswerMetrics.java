package dev.healthrag.answer;

import dev.healthrag.answer.triage.TriageDecision;
import dev.healthrag.answer.verify.GroundedSentence;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The answering path's meters on /q/metrics: stage latency (healthrag.answer.stage{stage}: triage, search_query
 * (the model writing one), embed, search, generate, verify), answers by mode (healthrag.answers{mode}), triage verdicts by category
 * (healthrag.triage{category}), the verifier's verdicts per sentence (healthrag.verifier.sentences{verdict}),
 * model failures by kind (healthrag.llm.errors{kind}: timeout, rate_limited, server_error, client_error,
 * breaker_open, bulkhead_full, empty, other), tokens the model reported (healthrag.llm.tokens{kind}: prompt,
 * completion), the model's search queries for retrieval (healthrag.llm.search.queries{outcome}) and the model's
 * circuit breaker (healthrag.llm.breaker.state{state}: 1 for the current state).
 */
@ApplicationScoped
public class AnswerMetrics {

    private final MeterRegistry registry;

    public AnswerMetrics(MeterRegistry registry, CircuitBreakerMaintenance breakers) {
        this.registry = registry;
        for (CircuitBreakerState state : CircuitBreakerState.values()) {
            Gauge.builder("healthrag.llm.breaker.state", breakers,
                            b -> b.currentState(LlmGuard.BREAKER) == state ? 1 : 0)
                    .tag("state", wireName(state))
                    .description("1 for the state the model's circuit breaker is in")
                    .register(registry);
        }
    }

    /** closed, open or half_open: the breaker state as health and metrics show it. */
    public static String wireName(CircuitBreakerState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    void stage(String stage, Duration took) {
        if (took != null) {
            Timer.builder("healthrag.answer.stage").tag("stage", stage).register(registry).record(took);
        }
    }

    void triaged(TriageDecision decision) {
        registry.counter("healthrag.triage", "category",
                decision.emergency() ? decision.category().id() : "none").increment();
    }

    void modelError(String kind) {
        registry.counter("healthrag.llm.errors", "kind", kind).increment();
    }

    /** One message's clinical search query from the model: used, unusable, timeout, breaker_open, bulkhead_full, failed. */
    void searchQuery(String outcome) {
        registry.counter("healthrag.llm.search.queries", "outcome", outcome).increment();
    }

    void tokens(TokenCount tokens) {
        if (tokens == null) {
            return;
        }
        if (tokens.prompt() != null) {
            registry.counter("healthrag.llm.tokens", "kind", "prompt").increment(tokens.prompt());
        }
        if (tokens.completion() != null) {
            registry.counter("healthrag.llm.tokens", "kind", "completion").increment(tokens.completion());
        }
    }

    /** Times a streamed generation from subscription to its end, whether it completes, fails or is cancelled. */
    <T> Multi<T> streamedGeneration(Multi<T> stream) {
        return Multi.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return stream.onTermination().invoke(() -> stage("generate", Duration.ofNanos(System.nanoTime() - started)));
        });
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
}
