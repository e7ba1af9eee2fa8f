package dev.healthrag.answer;

import java.time.Duration;
import java.util.Optional;

/**
 * The model's server answered a chat call with an error status: 429 (rate limited) or 5xx may be retried, after
 * {@code retryAfter} when the server said how long to wait. Thrown by {@link ModelResponseFilter}, so that the
 * status and the Retry-After header survive the OpenAI client, which keeps only the status and the body.
 */
public class ModelHttpException extends RuntimeException {

    private final int status;
    private final Duration retryAfter;
    private final boolean retryable;

    public ModelHttpException(int status, Duration retryAfter) {
        this(status, retryAfter, status == 429 || status >= 500);
    }

    private ModelHttpException(int status, Duration retryAfter, boolean retryable) {
        super("the model answered HTTP " + status
                + (retryAfter == null ? "" : " with Retry-After " + retryAfter.toSeconds() + " s"));
        this.status = status;
        this.retryAfter = retryAfter;
        this.retryable = retryable;
    }

    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** 429 or 5xx, unless the wait it asks for does not fit in what is left of the deadline. */
    public boolean retryable() {
        return retryable;
    }

    /** This failure, never retried: the server asks for a wait longer than the answer may still take. */
    ModelHttpException beyondDeadline() {
        return new ModelHttpException(status, retryAfter, false);
    }

    /** The first ModelHttpException in the cause chain of {@code failure}, if any. */
    public static Optional<ModelHttpException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ModelHttpException e) {
                return Optional.of(e);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
