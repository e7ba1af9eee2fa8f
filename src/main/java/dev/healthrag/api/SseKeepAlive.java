package dev.healthrag.api;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps an SSE stream open through proxies and clients with idle timeouts: a {@code :keep-alive} comment whenever
 * nothing has been sent for an interval, until the events end. Shared by every streaming channel.
 */
public final class SseKeepAlive {

    private static final String KEEP_ALIVE = "keep-alive";

    private SseKeepAlive() {
    }

    /**
     * @param interval the longest silence before a comment; positive
     * @return {@code events} with keep-alive comments merged in; ends when {@code events} ends
     */
    public static Multi<OutboundSseEvent> around(Sse sse, Multi<OutboundSseEvent> events, Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("a keep-alive interval must be positive, got " + interval);
        }
        // Marks the end of the events and is never sent: the merged stream ends there, and the ticks stop.
        OutboundSseEvent end = sse.newEventBuilder().comment("end").build();
        AtomicLong lastSent = new AtomicLong(System.nanoTime());
        long idle = interval.toNanos();
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(interval)
                .onOverflow().drop()
                .select().where(tick -> System.nanoTime() - lastSent.get() >= idle)
                .onItem().transform(tick -> sse.newEventBuilder().comment(KEEP_ALIVE).build());
        return Multi.createBy().merging()
                .streams(events.onItem().invoke(() -> lastSent.set(System.nanoTime())).onCompletion().continueWith(end),
                        keepAlive.onItem().invoke(() -> lastSent.set(System.nanoTime())))
                .select().first(event -> event != end);
    }
}
