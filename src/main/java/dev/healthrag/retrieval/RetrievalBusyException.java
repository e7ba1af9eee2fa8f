package dev.healthrag.retrieval;

import java.time.Duration;

/**
 * Every retrieval slot stayed busy: either too many questions were already waiting, or this one waited the
 * longest it may. Nothing was retrieved; the caller should try again after {@link #retryAfter()}.
 */
public class RetrievalBusyException extends RuntimeException {

    private final Duration retryAfter;

    public RetrievalBusyException(String message, Duration retryAfter) {
        // No stack trace: this is the service's answer to overload, not a fault, and is thrown often then.
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** How long a client should wait before asking again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
