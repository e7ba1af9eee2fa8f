package dev.healthrag.answer;

import dev.healthrag.HealthRagConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The one SmallRye Fault Tolerance policy every model call goes through, whatever its shape: an overall deadline
 * per answer, then inside it a bounded retry of 429 and 5xx (exponential backoff, a Retry-After honoured when it
 * fits in what is left of the deadline), a circuit breaker named {@value #BREAKER} and a bulkhead. Two
 * {@link Guard}s because a SmallRye timeout bounds each attempt and the deadline must bound them all: the outer
 * one holds the deadline, the inner one the stateful strategies, which every caller of this bean shares (a
 * {@code Guard} guards synchronous and asynchronous actions with one breaker and one bulkhead).
 *
 * <p>Synchronous calls wait on the caller's thread: the bulkhead (with its queue) bounds how many request threads
 * the model can hold, whatever it does, and the deadline interrupts the one it holds.
 *
 * <p>A streaming call joins the same policy, and so the same breaker and bulkhead, through {@link #callAsync}:
 * its action returns a {@code Uni} that completes when the stream completes (tokens go to the caller on the
 * side), so the bulkhead counts the stream for as long as it runs, without holding a thread while it waits, and
 * the deadline cancels the {@code Uni}, which must cancel the stream. A stream that broke after its first token
 * must fail with something other than a retryable {@link ModelHttpException}, so that it is not retried.
 */
@Startup
@ApplicationScoped
public class LlmGuard {

    /** The circuit breaker's name, for {@link CircuitBreakerMaintenance} (health, metrics, tests). */
    public static final String BREAKER = "healthrag-llm";

    private final Duration deadline;
    private final Guard whole;
    private final Duration streamDeadline;
    private final Guard wholeStream;
    private final Guard attempts;
    private final Duration rewriteDeadline;
    private final Guard rewrites;
    private final CircuitBreakerMaintenance breakers;

    public LlmGuard(HealthRagConfig config, CircuitBreakerMaintenance breakers) {
        HealthRagConfig.Llm llm = config.llm();
        this.deadline = positive(llm.deadline(), "healthrag.llm.deadline");
        long retryDelay = positive(llm.retry().delay(), "healthrag.llm.retry.delay").toMillis();
        int maxRetries = atLeast(llm.retry().maxRetries(), 0, "healthrag.llm.retry.max-retries");
        double ratio = llm.breaker().failureRatio();
        if (!(ratio > 0 && ratio <= 1)) {
            throw new IllegalArgumentException("healthrag.llm.breaker.failure-ratio must be above 0 and at most 1, not "
                    + ratio);
        }
        this.breakers = breakers;
        this.whole = Guard.create()
                .withDescription("healthrag.llm.deadline")
                .withTimeout().duration(deadline.toMillis(), ChronoUnit.MILLIS).done()
                .build();
        this.streamDeadline = positive(config.stream().modelDeadline(), "healthrag.stream.model-deadline");
        this.wholeStream = Guard.create()
                .withDescription("healthrag.stream.model-deadline")
                .withTimeout().duration(streamDeadline.toMillis(), ChronoUnit.MILLIS).done()
                .build();
        Guard.Builder inner = Guard.create().withDescription("healthrag.llm.call");
        if (maxRetries > 0) {
            inner = inner.withRetry()
                    .maxRetries(maxRetries)
                    .delay(retryDelay, ChronoUnit.MILLIS)
                    .maxDuration(deadline.toMillis(), ChronoUnit.MILLIS)
                    .whenException(LlmGuard::retryable)
                    .withCustomBackoff().strategy(RetryAfterBackoff::new).done()
                    .done();
        }
        this.attempts = inner
                .withCircuitBreaker()
                .name(BREAKER)
                .requestVolumeThreshold(atLeast(llm.breaker().requestVolume(), 1, "healthrag.llm.breaker.request-volume"))
                .failureRatio(ratio)
                .delay(positive(llm.breaker().delay(), "healthrag.llm.breaker.delay").toMillis(), ChronoUnit.MILLIS)
                // A full bulkhead says nothing about the model's health.
                .skipOn(BulkheadException.class)
                .done()
                .withBulkhead()
                .limit(atLeast(llm.bulkhead().size(), 1, "healthrag.llm.bulkhead.size"))
                .queueSize(atLeast(llm.bulkhead().queue(), 1, "healthrag.llm.bulkhead.queue"))
                .enableSynchronousQueueing()
                .done()
                .build();
        this.rewriteDeadline = positive(llm.rewriteDeadline(), "healthrag.llm.rewrite-deadline");
        this.rewrites = Guard.create()
                .withDescription("healthrag.llm.rewrite-deadline")
                .withTimeout().duration(rewriteDeadline.toMillis(), ChronoUnit.MILLIS).done()
                .withBulkhead()
                .limit(llm.bulkhead().size())
                .queueSize(llm.bulkhead().queue())
                .enableSynchronousQueueing()
                .done()
                .build();
    }

    /**
     * Runs {@code attempt} (one model call) under the policy, on this thread.
     *
     * @throws TimeoutException            when the deadline passed (the attempt's thread is interrupted)
     * @throws CircuitBreakerOpenException when recent calls failed too often: no call was made
     * @throws BulkheadException           when {@code healthrag.llm.bulkhead.size} calls run and as many as its
     *                                     queue wait: no call was made
     * @throws Exception                   the last attempt's failure otherwise
     */
    public <T> T call(Callable<T> attempt, Class<T> type) throws Exception {
        long deadlineAt = System.nanoTime() + deadline.toNanos();
        Callable<T> withinDeadline = () -> {
            try {
                return attempt.call();
            } catch (RuntimeException e) {
                throw (RuntimeException) givenUpIfTooLate(e, deadlineAt);
            }
        };
        return whole.call(() -> attempts.call(withinDeadline, type), type);
    }

    /**
     * Runs {@code attempt} (one streamed model call, complete when the stream is) under the same retry, breaker
     * and bulkhead as {@link #call}, asynchronously, within {@code healthrag.stream.model-deadline} instead of the
     * blocking deadline: a reader sees a stream's progress, so it may take longer than a blocking answer. The
     * returned {@code Uni} fails with the exceptions {@link #call} throws; past the deadline the attempt's
     * {@code Uni} is cancelled. The attempt is subscribed to on the subscribing thread (no offload).
     */
    public <T> Uni<T> callAsync(Supplier<Uni<T>> attempt) {
        AtomicLong deadlineAt = new AtomicLong();
        Supplier<Uni<T>> withinDeadline = () -> attempt.get().onFailure()
                .transform(e -> givenUpIfTooLate(e, deadlineAt.get()));
        TypeLiteral<Uni<T>> type = new TypeLiteral<Uni<T>>() {
        };
        return Uni.createFrom().deferred(() -> {
            deadlineAt.set(System.nanoTime() + streamDeadline.toNanos());
            return wholeStream.get(() -> attempts.get(withinDeadline, type), type);
        });
    }

    /** The deadline of one streamed answer's model call. */
    public Duration streamDeadline() {
        return streamDeadline;
    }

    /**
     * Runs {@code attempt}, a query rewrite retrieval waits for, on this thread within
     * {@code healthrag.llm.rewrite-deadline}, without retries, and not at all while the breaker is open. Its
     * failures do not count in the breaker: a rewrite's deadline is much shorter than an answer's, so a model that
     * is only slow would open the breaker for the answers it still gives. It has a bulkhead of its own, as large as
     * the answers' one.
     *
     * @throws CircuitBreakerOpenException while the answers' breaker is open: no call was made
     * @throws TimeoutException            past the deadline
     * @throws BulkheadException           when as many rewrites run and wait as the bulkhead allows
     */
    public <T> T callRewrite(Callable<T> attempt, Class<T> type) throws Exception {
        if (breakerState() == CircuitBreakerState.OPEN) {
            throw new CircuitBreakerOpenException("the model's circuit breaker is open");
        }
        return rewrites.call(attempt, type);
    }

    /** How long a query rewrite may take. */
    public Duration rewriteDeadline() {
        return rewriteDeadline;
    }

    /** {@code failure}, or when it asks for a wait past {@code deadlineAt} (nanoTime), the same never retried. */
    private static Throwable givenUpIfTooLate(Throwable failure, long deadlineAt) {
        ModelHttpException http = ModelHttpException.in(failure).orElse(null);
        if (http != null && http.retryable() && http.retryAfter().isPresent()
                && System.nanoTime() + http.retryAfter().get().toNanos() >= deadlineAt) {
            return http.beyondDeadline();
        }
        return failure;
    }

    /** The deadline of one answer's model call. */
    public Duration deadline() {
        return deadline;
    }

    public CircuitBreakerState breakerState() {
        return breakers.currentState(BREAKER);
    }

    /** 429 and 5xx are worth another try; an open breaker, a full bulkhead or an interrupted wait are not. */
    static boolean retryable(Throwable failure) {
        return ModelHttpException.in(failure).map(ModelHttpException::retryable).orElse(false);
    }

    private static Duration positive(Duration value, String key) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration, not " + value);
        }
        return value;
    }

    private static int atLeast(int value, int min, String key) {
        if (value < min) {
            throw new IllegalArgumentException(key + " must be at least " + min + ", not " + value);
        }
        return value;
    }

    /** Doubling pauses from healthrag.llm.retry.delay, or the server's Retry-After when it asks for longer. */
    static final class RetryAfterBackoff implements CustomBackoffStrategy {

        private long next;

        @Override
        public void init(long initialDelayInMillis) {
            this.next = initialDelayInMillis;
        }

        @Override
        public long nextDelayInMillis(Throwable exception) {
            long backoff = next;
            next = next > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : next * 2;
            long asked = ModelHttpException.in(exception).flatMap(ModelHttpException::retryAfter)
                    .map(Duration::toMillis).orElse(0L);
            return Math.max(backoff, asked);
        }
    }
}
