package dev.healthrag.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A bounded closed-loop load: C clients, each on its own keep-alive connection, sending its next request as soon
 * as the last one returns.
 */
public final class LoadRun {

    public record Result(int requests, int errors, double p50Ms, double p95Ms, double p99Ms, double perSecond) {
    }

    /** A request to the service: method, path with query string, and a JSON body or null. */
    public record Request(String method, String target, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadRun() {
    }

    /** @param requestFor builds request i (a GET /api/search or a POST /api/chat) */
    public static Result run(int requests, int concurrency, int port, IntFunction<Request> requestFor)
            throws InterruptedException {
        return sample(requests, concurrency, port, requestFor).summary();
    }

    /** {@link #run}, keeping every request's latency so that samples of several runs can be pooled. */
    public static Sample sample(int requests, int concurrency, int port, IntFunction<Request> requestFor)
            throws InterruptedException {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            clients.submit(() -> {
                try (HttpConnection connection = new HttpConnection(port)) {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        try {
                            if (connection.send(requestFor.apply(i)) != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        }
                        latencies.add((System.nanoTime() - sent) / 1e6);
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(1, TimeUnit.HOURS);
        return new Sample(new ArrayList<>(latencies), errors.get(), (System.nanoTime() - start) / 1e9);
    }

    public static Request search(String query) {
        return new Request("GET", "/api/search?k=10&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), null);
    }

    public static Request chat(String question) {
        try {
            return new Request("POST", "/api/chat", JSON.writeValueAsString(Map.of("question", question)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the question as JSON: " + question, e);
        }
    }
}
