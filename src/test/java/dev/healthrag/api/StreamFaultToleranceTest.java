package dev.healthrag.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.healthrag.TestArticles;
import dev.healthrag.answer.LlmGuard;
import dev.healthrag.ingest.Ingestor;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Streamed answers share the blocking answers' fault tolerance ({@link LlmGuard#callAsync}): their failures open
 * the one breaker, a 5xx before the first token is retried, and running streams fill the one bulkhead (limits of
 * {@link LlmFaultToleranceTestProfile}, against a WireMock model in OpenAI's streaming wire format).
 */
@QuarkusTest
@ConnectWireMock
@TestProfile(LlmFaultToleranceTestProfile.class)
class StreamFaultToleranceTest {

    private static final String QUESTION = "Why do my muscles twitch after a hard workout?";
    private static final List<String> DELTAS = List.of("Most episodes settle by", " themselves within hours [1].");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Far below the stream deadline: a stream that never waited for the model (on a busy shared machine). */
    private static final Duration QUICK = Duration.ofMillis(2500);

    WireMock wiremock;

    @Inject
    Ingestor ingestor;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void givenIndexedArticlesAClosedBreakerAndAFreshModel() {
        TestArticles.ingest(ingestor);
        breakers.resetAll();
        wiremock.resetToDefaultMappings();
        wiremock.resetRequests();
    }

    @Test
    void givenStreamsThatKeepFailing_whenEnoughHaveFailed_thenTheBreakerOpensAndABlockingAnswerCallsNoModel()
            throws Exception {
        OpenAiStubs.streamFails(wiremock, 500);

        for (int i = 0; i < LlmFaultToleranceTestProfile.BREAKER_VOLUME; i++) {
            List<SseClient.Event> events = events(SseClient.readAll("/api/chat/stream", question()));
            assertEquals(List.of("sources", "error", "done"), names(events));
        }

        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(LlmGuard.BREAKER));
        wiremock.resetRequests();
        OpenAiStubs.answers(wiremock, DELTAS.get(0) + DELTAS.get(1));
        String mode = given().contentType(ContentType.JSON).body(question()).post("/api/chat")
                .then().statusCode(200).extract().path("mode");
        assertEquals("extractive", mode);
        assertEquals(0, wiremock.find(postRequestedFor(urlEqualTo(OpenAiStubs.COMPLETIONS))).size());
    }

    @Test
    void givenA503BeforeTheFirstToken_whenStreamed_thenTheCallIsRetriedAndTheModelsTokensCome() throws Exception {
        wiremock.register(streamed().inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"))
                .willSetStateTo("recovered"));
        wiremock.register(streamed().inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                        .withBody(OpenAiStubs.stream(DELTAS, true))));

        List<SseClient.Event> events = events(SseClient.readAll("/api/chat/stream", question()));

        assertEquals("sources", names(events).get(0));
        assertTrue(names(events).contains("token"), names(events).toString());
        assertTrue(!names(events).contains("error"), names(events).toString());
        assertEquals("llm", JSON.readTree(events.get(events.size() - 1).data()).get("mode").asText());
        assertEquals(2, wiremock.find(postRequestedFor(urlEqualTo(OpenAiStubs.COMPLETIONS))).size());
    }

    @Test
    void givenStreamsThatFillTheBulkheadAndItsQueue_whenOneMoreStreams_thenItIsAnsweredExtractivelyAtOnce()
            throws Exception {
        int capacity = LlmFaultToleranceTestProfile.BULKHEAD + LlmFaultToleranceTestProfile.BULKHEAD_QUEUE;
        int waitMs = (int) LlmFaultToleranceTestProfile.STREAM_DEADLINE.toMillis() + 5_000;
        OpenAiStubs.streamsAfter(wiremock, waitMs, DELTAS);
        ExecutorService readers = Executors.newFixedThreadPool(capacity);
        try {
            List<Future<List<SseClient.Event>>> holding = new ArrayList<>();
            for (int i = 0; i < capacity; i++) {
                holding.add(readers.submit(() -> SseClient.readAll("/api/chat/stream", question())));
            }
            awaitModelCalls(LlmFaultToleranceTestProfile.BULKHEAD);
            Thread.sleep(300); // the queued ones wait in the bulkhead by now

            long started = System.nanoTime();
            List<SseClient.Event> turnedAway = events(SseClient.readAll("/api/chat/stream", question()));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertEquals(List.of("sources", "error", "done"), names(turnedAway));
            assertEquals("extractive", JSON.readTree(turnedAway.get(2).data()).get("mode").asText());
            assertTrue(took.compareTo(QUICK) < 0, "turned away in " + took.toMillis() + " ms");
            for (Future<List<SseClient.Event>> stream : holding) {
                List<SseClient.Event> events = events(stream.get(30, TimeUnit.SECONDS));
                assertEquals("done", events.get(events.size() - 1).name(), "every stream still ends with done");
            }
        } finally {
            readers.shutdownNow();
        }
    }

    private void awaitModelCalls(int calls) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (wiremock.find(postRequestedFor(urlEqualTo(OpenAiStubs.COMPLETIONS))).size() < calls
                && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertEquals(calls, wiremock.find(postRequestedFor(urlEqualTo(OpenAiStubs.COMPLETIONS))).size(),
                "the bulkhead lets this many model calls run at once");
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder streamed() {
        return post(urlEqualTo(OpenAiStubs.COMPLETIONS)).atPriority(1)
                .withRequestBody(matchingJsonPath("$[?(@.stream == true)]"));
    }

    private static String question() throws Exception {
        return JSON.writeValueAsString(java.util.Map.of("question", QUESTION));
    }

    private static List<SseClient.Event> events(List<SseClient.Event> all) {
        return all.stream().filter(e -> !e.name().equals(SseClient.COMMENT)).toList();
    }

    private static List<String> names(List<SseClient.Event> events) {
        return events.stream().map(SseClient.Event::name).toList();
    }
}
