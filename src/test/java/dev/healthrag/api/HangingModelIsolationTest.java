package dev.healthrag.api;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.healthrag.TestArticles;
import dev.healthrag.ingest.Ingestor;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model that never answers in time must not slow anyone who does not wait for it: a burst of chats against a
 * hanging WireMock, with searches started once the chats wait on it, compared with the same burst and searches
 * against a model that answers at once, in the same run.
 */
@QuarkusTest
@ConnectWireMock
@TestProfile(HangingModelIsolationTest.DefaultLimits.class)
class HangingModelIsolationTest {

    private static final int CHATS = 120;
    /** The default deadline (the %test one is short for the other chat tests). */
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    /** After the burst is sent, the chats are past retrieval and waiting on the model when the searches start. */
    private static final Duration SETTLE = Duration.ofSeconds(4);
    private static final int SEARCH_CLIENTS = 4;
    private static final int SEARCHES_PER_CLIENT = 8;
    /** Longer than the deadline: to the service the model never answers. */
    private static final int HANG_MILLIS = 25_000;
    /**
     * Median search latency with the hang over without it. Both phases carry the same burst of chats (retrieval
     * and answering cost CPU in both), so the ratio is about the hang alone; before the model call was bounded,
     * every worker thread waited on the model and each search waited for one to come free.
     */
    private static final double MAX_RATIO = 4.0;
    private static final List<String> QUERIES = List.of("ankle sprain swelling ice", "night leg cramps",
            "muscle twitching after workouts", "knee pain when running downhill", "heat exhaustion symptoms",
            "how much water should I drink", "shin splints", "delayed onset muscle soreness");

    /**
     * The default deadline, retry, breaker and bulkhead; the probe's 250 chats against 200 worker threads scaled
     * down to 120 against 64; room in retrieval's queue for the whole burst, so that every chat reaches the model;
     * time for the client to send every body.
     */
    public static class DefaultLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("healthrag.llm.deadline", DEADLINE.toSeconds() + "s",
                    "%test.healthrag.llm.deadline", DEADLINE.toSeconds() + "s",
                    "quarkus.thread-pool.max-threads", "64",
                    "healthrag.retrieval.max-queue-length", "400",
                    "healthrag.retrieval.max-queue-wait", "60s",
                    // The burst's client shares the cores with the service it floods: on a slow host it took more
                    // than the default 10 s to send some bodies, the body-read guard's business, not this test's.
                    "healthrag.api.body-read-timeout", "120s");
        }
    }

    WireMock wiremock;

    @Inject
    Ingestor ingestor;

    @Inject
    CircuitBreakerMaintenance breakers;

    @TestHTTPResource("/api/search")
    URI search;

    @TestHTTPResource("/api/chat")
    URI chat;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void givenIndexedArticlesAndAClosedBreaker() {
        TestArticles.ingest(ingestor);
        breakers.resetAll();
        wiremock.resetToDefaultMappings();
        wiremock.resetRequests();
    }

    @Test
    void aBurstOfChatsAgainstAHangingModelLeavesSearchesAsFastAsWithAModelThatAnswers() throws Exception {
        searchLatencies(); // warm-up: the first searches of a run pay for class loading and caches

        OpenAiStubs.answers(wiremock, LlmFaultToleranceTest.ANSWER);
        Phase answering = burst();
        breakers.resetAll();
        wiremock.resetToDefaultMappings();
        OpenAiStubs.hangs(wiremock, HANG_MILLIS, LlmFaultToleranceTest.ANSWER);
        Phase hanging = burst();

        double ratio = median(hanging.searchMillis) / median(answering.searchMillis);
        double p95Ratio = p95(hanging.searchMillis) / p95(answering.searchMillis);
        System.out.printf("search latency with a hanging model / with an answering one, %d chats, %d searches: "
                        + "median %.1f / %.1f ms = %.2f, p95 %.1f / %.1f ms = %.2f; chat statuses: answering %s, "
                        + "hanging %s; slowest generation while hanging %d ms%n",
                CHATS, hanging.searchMillis.size(), median(hanging.searchMillis), median(answering.searchMillis),
                ratio, p95(hanging.searchMillis), p95(answering.searchMillis), p95Ratio, answering.chatStatuses,
                hanging.chatStatuses, hanging.slowestGeneration.toMillis());
        assertTrue(ratio < MAX_RATIO, "search median ratio " + ratio);
        assertEquals(List.of(200), hanging.chatStatuses,
                "every chat is answered (extractively) while the model hangs");
        assertTrue(hanging.slowestGeneration.compareTo(DEADLINE.plusSeconds(2)) < 0,
                "no chat waits for the hanging model beyond the deadline: slowest generation "
                        + hanging.slowestGeneration.toMillis() + " ms");
    }

    /** {@link #CHATS} chats at once, and the searches started with them; waits for all. */
    private Phase burst() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> chats = new ArrayList<>();
        for (int i = 0; i < CHATS; i++) {
            chats.add(http.sendAsync(chatRequest(), HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(SETTLE.toMillis());
        List<Double> millis = searchLatencies();
        List<Integer> statuses = new ArrayList<>();
        double slowestGeneration = 0;
        for (CompletableFuture<HttpResponse<String>> f : chats) {
            HttpResponse<String> response = f.get(180, TimeUnit.SECONDS);
            statuses.add(response.statusCode());
            if (response.statusCode() == 200) {
                slowestGeneration = Math.max(slowestGeneration,
                        JsonPath.from(response.body()).getDouble("debug.timings.generateMs"));
            }
        }
        return new Phase(millis, statuses.stream().distinct().sorted().toList(),
                Duration.ofMillis((long) slowestGeneration));
    }

    private List<Double> searchLatencies() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(SEARCH_CLIENTS);
        try {
            List<Future<List<Double>>> results = new ArrayList<>();
            for (int c = 0; c < SEARCH_CLIENTS; c++) {
                int client = c;
                results.add(clients.submit(() -> {
                    List<Double> mine = new ArrayList<>();
                    for (int i = 0; i < SEARCHES_PER_CLIENT; i++) {
                        String q = QUERIES.get((client + i) % QUERIES.size());
                        HttpRequest request = HttpRequest.newBuilder(URI.create(search + "?k=5&q="
                                + URLEncoder.encode(q, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(120))
                                .GET().build();
                        long started = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        mine.add((System.nanoTime() - started) / 1e6);
                        assertEquals(200, response.statusCode(), response.body());
                    }
                    return mine;
                }));
            }
            List<Double> all = new ArrayList<>();
            for (Future<List<Double>> result : results) {
                all.addAll(result.get(5, TimeUnit.MINUTES));
            }
            return all;
        } finally {
            clients.shutdownNow();
        }
    }

    private HttpRequest chatRequest() {
        return HttpRequest.newBuilder(URI.create(chat + "?debug=true")).timeout(Duration.ofSeconds(180))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"" + LlmFaultToleranceTest.QUESTION + "\"}"))
                .build();
    }

    private static double median(List<Double> values) {
        return quantile(values, 0.5);
    }

    private static double p95(List<Double> values) {
        return quantile(values, 0.95);
    }

    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    /** The searches' latencies, the distinct statuses of the chats, and the longest a chat's generation took. */
    private record Phase(List<Double> searchMillis, List<Integer> chatStatuses, Duration slowestGeneration) {
    }
}
