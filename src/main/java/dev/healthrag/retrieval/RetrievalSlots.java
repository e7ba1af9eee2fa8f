package dev.healthrag.retrieval;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed number of slots with a bounded queue in front of them.
 *
 * <p>{@link #acquire()} either returns a slot (close it to give it back) or throws
 * {@link RetrievalBusyException}: at once when {@code maxWaiting} callers already wait, otherwise once it
 * has waited {@code maxWait} without a slot. A caller therefore never blocks longer than {@code maxWait},
 * and never more than {@code maxWaiting} callers block at all.
 *
 * <p>A freed slot goes to the longest waiter, so no caller is passed over while others arrive after it.
 */
final class RetrievalSlots {

    private final int slots;
    private final int maxWaiting;
    private final Duration maxWait;
    private final Duration retryAfter;
    private final ReentrantLock lock = new ReentrantLock();
    /** Oldest first; guarded by {@link #lock}. */
    private final Deque<Waiter> waiters = new ArrayDeque<>();
    /** Guarded by {@link #lock}. */
    private int free;

    RetrievalSlots(int slots, int maxWaiting, Duration maxWait) {
        if (slots < 1 || maxWaiting < 0 || maxWait.isNegative()) {
            throw new IllegalArgumentException("slots " + slots + ", max waiting " + maxWaiting
                    + ", max wait " + maxWait);
        }
        this.slots = slots;
        this.free = slots;
        this.maxWaiting = maxWaiting;
        this.maxWait = maxWait;
        // Sooner than the longest wait, a retry would most likely find the same queue that turned it away.
        this.retryAfter = Duration.ofSeconds(Math.max(1, (maxWait.toMillis() + 999) / 1000));
    }

    /** A slot, or {@link RetrievalBusyException} within {@code maxWait}; an interrupt also ends the wait. */
    Slot acquire() {
        lock.lock();
        try {
            if (free > 0) {
                free--;
                return new Slot(this);
            }
            if (waiters.size() >= maxWaiting) {
                throw busy("too many questions are already waiting");
            }
            Waiter me = new Waiter(lock.newCondition());
            waiters.addLast(me);
            long deadline = System.nanoTime() + maxWait.toNanos();
            try {
                while (!me.granted) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        waiters.remove(me);
                        throw busy("no retrieval slot came free within " + maxWait.toMillis() + " ms");
                    }
                    me.signal.awaitNanos(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (me.granted) {
                    giveBack();
                } else {
                    waiters.remove(me);
                }
                throw busy("interrupted while waiting for a retrieval slot");
            }
            return new Slot(this);
        } finally {
            lock.unlock();
        }
    }

    /** Slots held now. */
    int taken() {
        lock.lock();
        try {
            return slots - free;
        } finally {
            lock.unlock();
        }
    }

    /** Callers waiting for a slot now. */
    int waiting() {
        lock.lock();
        try {
            return waiters.size();
        } finally {
            lock.unlock();
        }
    }

    private void giveBack() {
        lock.lock();
        try {
            Waiter next = waiters.pollFirst();
            if (next == null) {
                free++;
            } else {
                next.granted = true;
                next.signal.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private RetrievalBusyException busy(String why) {
        return new RetrievalBusyException("The service is busy (" + why + "); try again shortly.", retryAfter);
    }

    /** A caller in the queue; {@code granted} is set, under the lock, by the one handing it a slot. */
    private static final class Waiter {
        final Condition signal;
        boolean granted;

        Waiter(Condition signal) {
            this.signal = signal;
        }
    }

    /** A granted slot; closing it gives it back, once however often it is closed. */
    static final class Slot implements AutoCloseable {

        private final RetrievalSlots owner;
        private boolean held = true;

        private Slot(RetrievalSlots owner) {
            this.owner = owner;
        }

        @Override
        public void close() {
            synchronized (this) {
                if (!held) {
                    return;
                }
                held = false;
            }
            owner.giveBack();
        }
    }
}
