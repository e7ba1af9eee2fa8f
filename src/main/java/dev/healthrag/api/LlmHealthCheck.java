package dev.healthrag.api;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.answer.AnswerMetrics;
import dev.healthrag.answer.LlmGuard;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The model's state as data on /q/health/ready: whether LLM mode is on and its circuit breaker's state (closed,
 * open, half_open). Always UP: with the breaker open every answer is extractive, which this instance still gives,
 * so taking it out of rotation would only turn extractive answers into none.
 */
@Readiness
@ApplicationScoped
public class LlmHealthCheck implements HealthCheck {

    private final LlmGuard guard;
    private final boolean configured;

    public LlmHealthCheck(LlmGuard guard, HealthRagConfig config) {
        this.guard = guard;
        this.configured = config.llm().isConfigured();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("llm").up()
                .withData("mode", configured ? "llm" : "extractive")
                .withData("breaker", AnswerMetrics.wireName(guard.breakerState()))
                .build();
    }
}
