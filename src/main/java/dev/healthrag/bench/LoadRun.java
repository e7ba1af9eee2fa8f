package dev.healthrag.bench;

import dev.healthrag.eval.RankingMetrics;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A bounded closed-loop load: C clients, each sending its next request as soon as the last one returns. */
public final class LoadRun {

    public record Result(int requests, int errors, double p50Ms, double p95Ms, double p99Ms, double perSecond) {
    }

    private LoadRun() {
    }

    /** @param requestFor builds request i (a GET /api/search or a POST /api/chat) */
    public static Result run(int requests, int concurrency, java.util.function.IntFunction<HttpRequest> requestFor)
            throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(requestFor.apply(i), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    latencies.add((System.nanoTime() - sent) / 1e6);
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(requests, errors.get(), RankingMetrics.percentile(sorted, 50),
                RankingMetrics.percentile(sorted, 95), RankingMetrics.percentile(sorted, 99),
                Math.round(requests / seconds * 10) / 10.0);
    }

    public static HttpRequest search(int port, String query) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/search?k=10&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30)).GET().build();
    }

    public static HttpRequest chat(int port, String question) {
        String body = "{\"question\":\"" + question.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/chat"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
