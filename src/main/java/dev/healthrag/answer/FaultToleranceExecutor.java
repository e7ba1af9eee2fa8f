package dev.healthrag.answer;

import io.smallrye.faulttolerance.AsyncExecutorProvider;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SmallRye Fault Tolerance's executor: a few threads of its own instead of Quarkus's worker pool (the extension's
 * default, priority 1). The deadline of a model call is a timer task that interrupts the waiting thread; run on
 * the worker pool it would wait behind every queued request whenever a burst fills the pool, and the deadline
 * would pass late by that queue. These tasks only interrupt, fail or re-subscribe, and never block.
 */
@Singleton
@Alternative
@Priority(2)
public class FaultToleranceExecutor implements AsyncExecutorProvider {

    private final ExecutorService executor;

    public FaultToleranceExecutor() {
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                task -> {
                    Thread thread = new Thread(task, "healthrag-fault-tolerance-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public ExecutorService get() {
        return executor;
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
