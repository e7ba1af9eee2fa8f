package dev.healthrag.api;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.healthrag.TestArticles;
import dev.healthrag.ingest.Ingestor;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model call's deadline, retry, circuit breaker and bulkhead against a WireMock model that drips, throttles,
 * fails and hangs; each test reproduces a probe of the service before SmallRye Fault Tolerance guarded the call.
 */
@QuarkusTest
@ConnectWireMock
@TestProfile(LlmFaultToleranceTestProfile.class)
class LlmFaultToleranceTest {

    static final Duration DEADLINE = LlmFaultToleranceTestProfile.DEADLINE;
    static final int RETRIES = LlmFaultToleranceTestProfile.RETRIES;
    static final Duration RETRY_DELAY = LlmFaultToleranceTestProfile.RETRY_DELAY;
    static final int BULKHEAD = LlmFaultToleranceTestProfile.BULKHEAD;
    static final int BULKHEAD_QUEUE = LlmFaultToleranceTestProfile.BULKHEAD_QUEUE;
    /** Far below what any limit here allows: an answer that skipped the model (on a busy shared machine). */
    static final Duration QUICK = Duration.ofMillis(2500);
    static final String QUESTION = "Why do my muscles twitch after a hard workout?";
    static final String ANSWER = "Most episodes settle by themselves within hours [1].";

    WireMock wiremock;

    @Inject
    Ingestor ingestor;

    @Inject
    CircuitBreakerMaintenance breakers;

    @TestHTTPResource("/api/chat")
    URI chat;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static boolean warm;

    @BeforeEach
    void givenIndexedArticlesAClosedBreakerAndAFreshModel() {
        TestArticles.ingest(ingestor);
        if (!warm) { // the first model call of a run loads the client's classes, which would eat into the deadline
            OpenAiStubs.answers(wiremock, ANSWER);
            ask(QUESTION);
            warm = true;
        }
        breakers.resetAll();
        wiremock.resetToDefaultMappings();
        wiremock.resetRequests();
    }

    @Test
    void aModelThatDripsOneChunkASecondIsCutAtTheDeadlineNotHeldForTheWholeBody() {
        wiremock.register(post(urlEqualTo(OpenAiStubs.COMPLETIONS)).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiStubs.completion(ANSWER))
                .withChunkedDribbleDelay(20, 20_000)));

        long started = System.nanoTime();
        JsonPath body = ask(QUESTION);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals("extractive", body.getString("mode"));
        assertTrue(took.compareTo(DEADLINE.plusSeconds(2)) < 0, "answered in " + took.toMillis() + " ms");
        assertEquals(1, wiremock.find(postRequestedFor(urlEqualTo(OpenAiStubs.COMPLETIONS))).size(),
                "a timeout is not retried: the deadline is for the whole answer");
    }

    @Test
    void a429WhoseRetryAfterDoesNotFitTheDeadlineIsNotRetriedAndTheAnswerIsExtractiveAtOnce() {
        wiremock.register(post(urlEqualTo(OpenAiStubs.COMPLETIONS)).willReturn(aResponse()
                .withStatus(429).withHeader("Retry-After", "30")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}")));

        long started = System.nanoTime();
        JsonPath body = ask(QUESTION);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals("extractive", body.getString("mode"));
        assertEquals(1, wiremock.find(postRequestedFor(urlEqualTo(OpenAiStubs.COMPLETIONS))).size());
        assertTrue(took.compareTo(QUICK) < 0, "answered in " + took.toMillis() + " ms");
    }

    @Test
    void a429WhoseRetryAfterFitsTheDeadlineIsRetriedNoSoonerThanItSays() {
        wiremock.register(post(urlEqualTo(OpenAiStubs.COMPLETIONS)).inScenario("throttled")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("free")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}")));
        wiremock.register(post(urlEqualTo(OpenAiStubs.COMPLETIONS)).inScenario("throttled")
                .whenScenarioStateIs("free")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(OpenAiStubs.completion(ANSWER))));

        JsonPath body = ask(QUESTION);

        assertEquals("llm", body.getString("mode"));
        List<Long> times = requestTimes();
        assertEquals(2, times.size());
        assertTrue(times.get(1) - times.get(0) >= 950, "retried after " + (times.get(1) - times.get(0)) + " ms");
    }

    @Test
    void a5xxIsRetriedABoundedNumberOfTimesWithGrowingPausesThenAnsweredExtractively() {
        OpenAiStubs.fails(wiremock, 503);

        JsonPath body = ask(QUESTION);

        assertEquals("extractive", body.getString("mode"));
        List<Long> times = requestTimes();
        assertEquals(1 + RETRIES, times.size(), "one call and " + RETRIES + " retries");
        long firstPause = times.get(1) - times.get(0);
        long secondPause = times.get(2) - times.get(1);
        assertTrue(firstPause >= RETRY_DELAY.toMillis() - 50, "first pause " + firstPause + " ms");
        assertTrue(secondPause >= 2 * RETRY_DELAY.toMillis() - 50, "second pause " + secondPause + " ms");
    }

    @Test
    void aFailingModelOpensTheBreakerThenAnswersAreExtractiveAtOnceWithoutCallingIt() {
        OpenAiStubs.fails(wiremock, 500);
        ask(QUESTION);
        ask(QUESTION);
        wiremock.resetRequests();

        long started = System.nanoTime();
        JsonPath body = ask(QUESTION);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals("extractive", body.getString("mode"));
        assertEquals(0, wiremock.find(postRequestedFor(urlEqualTo(OpenAiStubs.COMPLETIONS))).size(),
                "an open breaker calls no model");
        assertTrue(took.compareTo(QUICK) < 0, "answered in " + took.toMillis() + " ms");
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'llm' }.status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'llm' }.data.breaker", org.hamcrest.Matchers.equalTo("open"));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("healthrag_llm_errors_total{kind=\"breaker_open\"}"))
                .body(org.hamcrest.Matchers.containsString("healthrag_llm_errors_total{kind=\"server_error\"}"))
                .body(org.hamcrest.Matchers.containsString("healthrag_llm_breaker_state{state=\"open\"} 1.0"));
    }

    @Test
    void healthShowsAClosedBreakerWhileTheModelAnswers() {
        OpenAiStubs.answers(wiremock, ANSWER);
        ask(QUESTION);

        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'llm' }.data.breaker", org.hamcrest.Matchers.equalTo("closed"));
    }

    @Test
    void debugShowsStageTimingsTheExactMessagesTheRawOutputAndTokenUsage() {
        OpenAiStubs.answers(wiremock, ANSWER);

        JsonPath body = given().contentType(ContentType.JSON).body(Map.of("question", QUESTION))
                .post("/api/chat?debug=true").then().statusCode(200).extract().jsonPath();

        for (String stage : List.of("triage", "embed", "search", "generate", "verify")) {
            assertNotNull(body.get("debug.timings." + stage + "Ms"), "timing of " + stage + ": " + body.prettify());
        }
        assertEquals(List.of("system", "user"), body.getList("debug.messages.role"));
        assertTrue(body.getString("debug.messages[1].content").contains(QUESTION));
        assertEquals(ANSWER, body.getString("debug.modelOutput"));
        assertEquals(100, body.getInt("debug.tokens.prompt"));
        assertEquals(20, body.getInt("debug.tokens.completion"));
        assertEquals(120, body.getInt("debug.tokens.total"));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("healthrag_llm_tokens_total{kind=\"prompt\"}"))
                .body(org.hamcrest.Matchers.containsString("healthrag_llm_tokens_total{kind=\"completion\"}"))
                .body(org.hamcrest.Matchers.containsString("healthrag_answer_stage_seconds_count{stage=\"embed\"}"))
                .body(org.hamcrest.Matchers.containsString("healthrag_answer_stage_seconds_count{stage=\"search\"}"))
                .body(org.hamcrest.Matchers.containsString("healthrag_answer_stage_seconds_count{stage=\"generate\"}"))
                .body(org.hamcrest.Matchers.containsString("healthrag_answer_stage_seconds_count{stage=\"verify\"}"));
    }

    @Test
    void beyondTheBulkheadAChatIsAnsweredExtractivelyAtOnce() throws Exception {
        OpenAiStubs.hangs(wiremock, 8_000, ANSWER);
        List<CompletableFuture<HttpResponse<String>>> holders = new ArrayList<>();
        for (int i = 0; i < BULKHEAD + BULKHEAD_QUEUE; i++) {
            holders.add(HTTP.sendAsync(chatRequest(), HttpResponse.BodyHandlers.ofString()));
        }
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (wiremock.find(postRequestedFor(urlEqualTo(OpenAiStubs.COMPLETIONS))).size()
                < BULKHEAD && System.nanoTime() < waitUntil) {
            Thread.sleep(20);
        }
        Thread.sleep(300); // the queued ones are past retrieval and waiting for the bulkhead

        long started = System.nanoTime();
        HttpResponse<String> response = HTTP.send(chatRequest(), HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"mode\":\"extractive\""), response.body());
        assertTrue(took.compareTo(QUICK) < 0, "answered in " + took.toMillis() + " ms");
        assertEquals(BULKHEAD,
                wiremock.find(postRequestedFor(urlEqualTo(OpenAiStubs.COMPLETIONS))).size(),
                "only the bulkhead's calls reached the model");
        for (CompletableFuture<HttpResponse<String>> holder : holders) {
            assertEquals(200, holder.get(30, TimeUnit.SECONDS).statusCode());
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("healthrag_llm_errors_total{kind=\"bulkhead_full\"}"))
                .body(org.hamcrest.Matchers.containsString("healthrag_llm_errors_total{kind=\"timeout\"}"));
    }

    private List<Long> requestTimes() {
        return wiremock.find(postRequestedFor(urlEqualTo(OpenAiStubs.COMPLETIONS))).stream()
                .map(LoggedRequest::getLoggedDate).map(java.util.Date::getTime)
                .sorted(Comparator.naturalOrder()).toList();
    }

    private HttpRequest chatRequest() {
        return HttpRequest.newBuilder(chat).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"" + QUESTION + "\"}")).build();
    }

    static JsonPath ask(String question) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question))
                .post("/api/chat").then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }
}
