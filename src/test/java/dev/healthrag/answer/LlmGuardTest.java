package dev.healthrag.answer;

import dev.healthrag.api.LlmFaultToleranceTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The policy a streaming call shares with the blocking one: {@link LlmGuard#callAsync} meets the same breaker and
 * bulkhead as {@link LlmGuard#call}, within the stream's deadline (limits of {@link LlmFaultToleranceTestProfile}).
 */
@QuarkusTest
@TestProfile(LlmFaultToleranceTestProfile.class)
class LlmGuardTest {

    @Inject
    LlmGuard guard;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void givenAClosedBreaker() {
        breakers.resetAll();
    }

    @Test
    void anAsynchronousCallMeetsTheBreakerThatBlockingFailuresOpened() {
        for (int i = 0; i < 4; i++) {
            assertThrows(ModelHttpException.class, () -> guard.call(() -> {
                throw new ModelHttpException(400, null);
            }, String.class));
        }
        assertEquals(CircuitBreakerState.OPEN, guard.breakerState());
        AtomicInteger calls = new AtomicInteger();

        Throwable failure = assertThrows(CompletionException.class, () -> guard.callAsync(() -> {
            calls.incrementAndGet();
            return Uni.createFrom().item("never asked");
        }).subscribeAsCompletionStage().join()).getCause();

        assertInstanceOf(CircuitBreakerOpenException.class, failure);
        assertEquals(0, calls.get(), "an open breaker calls no model");
    }

    @Test
    void blockingCallsThatFillTheBulkheadAndItsQueueTurnAnAsynchronousCallAway() throws Exception {
        int capacity = LlmFaultToleranceTestProfile.BULKHEAD + LlmFaultToleranceTestProfile.BULKHEAD_QUEUE;
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(LlmFaultToleranceTestProfile.BULKHEAD);
        ExecutorService threads = Executors.newFixedThreadPool(capacity);
        try {
            List<Future<String>> blocking = new ArrayList<>();
            for (int i = 0; i < capacity; i++) {
                blocking.add(threads.submit(() -> guard.call(() -> {
                    running.countDown();
                    release.await();
                    return "answer";
                }, String.class)));
            }
            assertTrue(running.await(5, TimeUnit.SECONDS));
            Thread.sleep(200); // the rest are queued by now

            Throwable failure = assertThrows(CompletionException.class, () -> guard.callAsync(
                    () -> Uni.createFrom().item("too many")).subscribeAsCompletionStage().join()).getCause();

            assertInstanceOf(BulkheadException.class, failure);
            release.countDown();
            for (Future<String> call : blocking) {
                assertEquals("answer", call.get(10, TimeUnit.SECONDS));
            }
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void anAsynchronousCallThatNeverCompletesFailsAtTheStreamDeadline() {
        long started = System.nanoTime();

        Throwable failure = assertThrows(CompletionException.class, () -> guard.callAsync(
                () -> Uni.createFrom().<String>emitter(emitter -> { })).subscribeAsCompletionStage().join()).getCause();

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertInstanceOf(TimeoutException.class, failure);
        assertTrue(took.compareTo(LlmFaultToleranceTestProfile.STREAM_DEADLINE.plusSeconds(1)) < 0,
                took.toMillis() + " ms: the stream deadline, not the blocking one, bounds it");
        assertTrue(took.compareTo(LlmFaultToleranceTestProfile.STREAM_DEADLINE.minusMillis(100)) >= 0,
                took.toMillis() + " ms");
    }
}
