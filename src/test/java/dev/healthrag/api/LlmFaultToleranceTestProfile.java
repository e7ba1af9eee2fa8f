package dev.healthrag.api;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.time.Duration;
import java.util.Map;

/** Small model-call limits, so that each one is reached by a handful of requests; shared by the tests that use it. */
public class LlmFaultToleranceTestProfile implements QuarkusTestProfile {

    public static final Duration DEADLINE = Duration.ofSeconds(5);
    /** Unlike DEADLINE, so that a test can tell which one bounded a call. */
    public static final Duration STREAM_DEADLINE = Duration.ofSeconds(3);
    public static final int RETRIES = 2;
    public static final Duration RETRY_DELAY = Duration.ofMillis(300);
    /** Failures in the breaker's window that open it (its ratio is 0.5, so all of them when it is first filled). */
    public static final int BREAKER_VOLUME = 4;
    public static final int BULKHEAD = 2;
    public static final int BULKHEAD_QUEUE = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("healthrag.llm.deadline", DEADLINE.toMillis() + "ms"),
                // The %test value in application.properties would otherwise win over the plain name.
                Map.entry("%test.healthrag.llm.deadline", DEADLINE.toMillis() + "ms"),
                Map.entry("healthrag.stream.model-deadline", STREAM_DEADLINE.toMillis() + "ms"),
                Map.entry("%test.healthrag.stream.model-deadline", STREAM_DEADLINE.toMillis() + "ms"),
                Map.entry("healthrag.llm.retry.max-retries", String.valueOf(RETRIES)),
                Map.entry("healthrag.llm.retry.delay", RETRY_DELAY.toMillis() + "ms"),
                Map.entry("healthrag.llm.breaker.request-volume", String.valueOf(BREAKER_VOLUME)),
                Map.entry("healthrag.llm.breaker.failure-ratio", "0.5"),
                // Open for longer than any test: each one starts by closing it.
                Map.entry("healthrag.llm.breaker.delay", "60s"),
                Map.entry("healthrag.llm.bulkhead.size", String.valueOf(BULKHEAD)),
                Map.entry("healthrag.llm.bulkhead.queue", String.valueOf(BULKHEAD_QUEUE)));
    }
}
