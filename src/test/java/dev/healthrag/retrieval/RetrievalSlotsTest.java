package dev.healthrag.retrieval;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetrievalSlotsTest {

    @Test
    void takenCountsTheSlotsHeldAndFallsAsTheyAreGivenBack() {
        RetrievalSlots slots = new RetrievalSlots(3, 5, Duration.ofMillis(200));
        RetrievalSlots.Slot first = slots.acquire();
        try (RetrievalSlots.Slot second = slots.acquire()) {
            assertEquals(2, slots.taken());
            first.close();
            assertEquals(1, slots.taken());
        }
        assertEquals(0, slots.taken());
    }

    @Test
    void aQuestionThatGetsNoSlotGivesUpAfterTheLongestWait() {
        RetrievalSlots slots = new RetrievalSlots(1, 5, Duration.ofMillis(200));
        try (RetrievalSlots.Slot held = slots.acquire()) {
            long start = System.nanoTime();
            RetrievalBusyException busy = assertThrows(RetrievalBusyException.class, slots::acquire);
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            // at least the bound, and not much more (the allowance is for a loaded machine's scheduling)
            assertTrue(waitedMs >= 200 && waitedMs < 1200, waitedMs + " ms");
            assertEquals(Duration.ofSeconds(1), busy.retryAfter());
            assertEquals(0, slots.waiting());
        }
    }

    @Test
    void aQuestionBeyondTheQueueIsRefusedAtOnce() throws Exception {
        RetrievalSlots slots = new RetrievalSlots(1, 1, Duration.ofSeconds(30));
        try (RetrievalSlots.Slot held = slots.acquire()) {
            CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> slots.acquire().close());
            while (slots.waiting() < 1) {
                Thread.onSpinWait();
            }

            long start = System.nanoTime();
            assertThrows(RetrievalBusyException.class, slots::acquire);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "refused without waiting");

            held.close();
            waiter.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aGivenBackSlotServesTheNextQuestion() {
        RetrievalSlots slots = new RetrievalSlots(1, 0, Duration.ZERO);
        slots.acquire().close();
        slots.acquire().close();
    }

    @Test
    void theRetryAfterIsTheLongestWaitRoundedUpToWholeSeconds() {
        RetrievalSlots slots = new RetrievalSlots(1, 0, Duration.ofMillis(1500));
        try (RetrievalSlots.Slot held = slots.acquire()) {
            assertEquals(Duration.ofSeconds(2), assertThrows(RetrievalBusyException.class, slots::acquire).retryAfter());
        }
    }

    @Test
    void theLongestWaiterIsServedFirst() throws Exception {
        RetrievalSlots slots = new RetrievalSlots(1, 10, Duration.ofSeconds(30));
        RetrievalSlots.Slot held = slots.acquire();
        CompletableFuture<RetrievalSlots.Slot> oldest = waitFor(slots, 1);
        CompletableFuture<RetrievalSlots.Slot> older = waitFor(slots, 2);
        CompletableFuture<RetrievalSlots.Slot> newest = waitFor(slots, 3);

        held.close();
        RetrievalSlots.Slot first = oldest.get(5, TimeUnit.SECONDS);
        first.close();
        RetrievalSlots.Slot second = older.get(5, TimeUnit.SECONDS);
        second.close();
        newest.get(5, TimeUnit.SECONDS).close();
    }

    @Test
    void anInterruptedWaiterGivesUpWithoutLosingASlot() throws Exception {
        RetrievalSlots slots = new RetrievalSlots(1, 10, Duration.ofSeconds(30));
        RetrievalSlots.Slot held = slots.acquire();
        Thread waiter = new Thread(() -> assertThrows(RetrievalBusyException.class, slots::acquire));
        waiter.start();
        awaitWaiting(slots, 1);

        waiter.interrupt();
        waiter.join(5_000);

        assertEquals(0, slots.waiting());
        held.close();
        slots.acquire().close();
    }

    /** A caller that waits for a slot, returned once it is the {@code position}th in the queue. */
    private static CompletableFuture<RetrievalSlots.Slot> waitFor(RetrievalSlots slots, int position) {
        CompletableFuture<RetrievalSlots.Slot> slot = CompletableFuture.supplyAsync(slots::acquire,
                runnable -> new Thread(runnable).start());
        awaitWaiting(slots, position);
        return slot;
    }

    private static void awaitWaiting(RetrievalSlots slots, int waiting) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (slots.waiting() < waiting && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(waiting, slots.waiting());
    }
}
