package dev.healthrag.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.healthrag.TestArticles;
import dev.healthrag.ingest.Ingestor;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import dev.healthrag.answer.LlmGuard;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.healthrag.api.MetricsPage.metric;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/chat/stream with the model faked by WireMock in OpenAI's streaming wire format. */
@QuarkusTest
@ConnectWireMock
class ChatStreamResourceTest {

    static final String TWITCH_QUESTION = "Why do my muscles twitch after a hard workout?";
    static final ObjectMapper JSON = new ObjectMapper();

    /** A supported sentence, then one no source supports, cut into deltas mid-word as models do. */
    private static final List<String> KEPT_AND_REMOVED = List.of("Most episodes settle by", " themselves within hours",
            " [1]. Twitching is caused by a para", "site that lives in gym equipment [1].");

    WireMock wiremock;

    @Inject
    Ingestor ingestor;

    @ConfigProperty(name = "healthrag.disclaimer")
    String disclaimer;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void givenTheFixtureArticlesAreIndexed() {
        TestArticles.ingest(ingestor);
        breakers.resetAll(); // a failing-model test must not leave the next one an open breaker
        wiremock.resetToDefaultMappings();
        wiremock.resetRequests();
    }

    @Test
    void givenAStreamedAnswer_whenStreamed_thenSourcesComeFirstTokensAreTheRawTextAndDoneDropsTheUnsupportedSentence()
            throws Exception {
        OpenAiStubs.streams(wiremock, KEPT_AND_REMOVED);

        List<SseClient.Event> events = withoutComments(SseClient.readAll("/api/chat/stream", question(TWITCH_QUESTION)));

        assertEquals("sources", events.get(0).name());
        JsonNode sources = JSON.readTree(events.get(0).data()).get("sources");
        assertTrue(sources.size() > 0);
        assertEquals(1, sources.get(0).get("ref").asInt(), "numbered as the prompt numbers them");
        assertEquals("done", events.get(events.size() - 1).name());
        List<String> middle = names(events.subList(1, events.size() - 1));
        assertTrue(middle.stream().allMatch("token"::equals), middle.toString());
        assertEquals(String.join("", KEPT_AND_REMOVED), tokenText(events), "tokens are the model's raw output");

        JsonNode done = JSON.readTree(events.get(events.size() - 1).data());
        assertEquals("llm", done.get("mode").asText());
        assertTrue(done.get("answer").asText().contains("within hours [1]."), done.toString());
        assertFalse(done.get("answer").asText().contains("parasite"), "streamed, but the verifier removed it");
        assertEquals("[true, false]", done.get("grounding").findValues("supported").toString());
        assertTrue(done.get("answer").asText().endsWith("\n\n" + disclaimer));
        ChatResourceTest.assertMarkersMatchCitations(JsonPath.from(done.toString()));
        assertTrue(modelResponseSent(), "WireMock logs a send time once it has sent the whole response");
    }

    @Test
    void givenTheSameModelOutput_whenStreamedAndAskedBlocking_thenDoneIsWhatChatReturns() throws Exception {
        OpenAiStubs.streams(wiremock, KEPT_AND_REMOVED);
        OpenAiStubs.answers(wiremock, String.join("", KEPT_AND_REMOVED));
        // Each in a conversation of its own, so that neither is the other's follow-up.
        String streamed = JSON.writeValueAsString(Map.of("question", TWITCH_QUESTION,
                "conversationId", "00000000-0000-4000-8000-000000000001"));
        String blocking = JSON.writeValueAsString(Map.of("question", TWITCH_QUESTION,
                "conversationId", "00000000-0000-4000-8000-000000000002"));

        ObjectNode done = (ObjectNode) done(SseClient.readAll("/api/chat/stream?debug=true", streamed));
        ObjectNode chat = (ObjectNode) JSON.readTree(given().contentType(ContentType.JSON).body(blocking)
                .post("/api/chat?debug=true").then().statusCode(200).extract().asString());

        assertEquals("00000000-0000-4000-8000-000000000001", done.remove("conversationId").asText());
        chat.remove("conversationId");
        withoutTimings(done);
        withoutTimings(chat);
        assertEquals(chat, done);
        assertEquals(String.join("", KEPT_AND_REMOVED), done.get("debug").get("modelOutput").asText());
    }

    @Test
    void givenAModelThatStreamsTheNotCoveredSignal_whenStreamed_thenDoneIsTheNoAnswerTextWithTheDisclaimer()
            throws Exception {
        OpenAiStubs.streams(wiremock, List.of("[[NOT_", "COVERED]]"));

        List<SseClient.Event> events = withoutComments(SseClient.readAll("/api/chat/stream", question(TWITCH_QUESTION)));

        JsonNode done = done(events);
        assertEquals("no_answer", done.get("mode").asText());
        assertFalse(done.get("answer").asText().contains("NOT_COVERED"));
        assertTrue(done.get("answer").asText().endsWith("\n\n" + disclaimer));
    }

    @Test
    void givenAStreamThatBreaksOffHalfway_whenStreamed_thenAnErrorThenAnExtractiveDoneWithTheDisclaimer()
            throws Exception {
        OpenAiStubs.streamBreaksOff(wiremock, KEPT_AND_REMOVED.subList(0, 2));

        List<SseClient.Event> events = withoutComments(SseClient.readAll("/api/chat/stream", question(TWITCH_QUESTION)));

        assertEquals("sources", events.get(0).name());
        assertEquals(List.of("error", "done"), names(events.subList(events.size() - 2, events.size())));
        assertEquals(String.join("", KEPT_AND_REMOVED.subList(0, 2)), tokenText(events));
        JsonNode done = done(events);
        assertEquals("extractive", done.get("mode").asText());
        assertEquals("muscle-twitching", done.get("citations").get(0).get("articleId").asText());
        assertTrue(done.get("answer").asText().endsWith("\n\n" + disclaimer));
    }

    @Test
    void givenAModelThatAnswers500_whenStreamed_thenSourcesAnErrorAndAnExtractiveDone() throws Exception {
        OpenAiStubs.streamFails(wiremock, 500);

        List<SseClient.Event> events = withoutComments(SseClient.readAll("/api/chat/stream", question(TWITCH_QUESTION)));

        assertEquals(List.of("sources", "error", "done"), names(events));
        assertTrue(JSON.readTree(events.get(1).data()).get("error").asText().contains("done event"));
        JsonNode done = done(events);
        assertEquals("extractive", done.get("mode").asText());
        assertTrue(done.get("answer").asText().endsWith("\n\n" + disclaimer));
    }

    @Test
    void givenBlockingCallsOpenedTheModelsBreaker_whenStreamed_thenNoModelCallAndAnExtractiveDone() throws Exception {
        OpenAiStubs.fails(wiremock, 500);
        for (int i = 0; i < 8 && breakers.currentState(LlmGuard.BREAKER) != CircuitBreakerState.OPEN; i++) {
            given().contentType(ContentType.JSON).body(question(TWITCH_QUESTION)).post("/api/chat")
                    .then().statusCode(200);
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(LlmGuard.BREAKER));
        wiremock.resetRequests();

        List<SseClient.Event> events = withoutComments(SseClient.readAll("/api/chat/stream", question(TWITCH_QUESTION)));

        assertEquals(List.of("sources", "error", "done"), names(events));
        assertEquals("extractive", done(events).get("mode").asText());
        assertEquals(0, wiremock.find(postRequestedFor(urlEqualTo(OpenAiStubs.COMPLETIONS))).size(),
                "an open breaker calls no model, streamed or not");
    }

    @Test
    void givenAModelSlowerThanTheDeadline_whenStreamed_thenAnErrorAndAnExtractiveDoneAtTheDeadline() throws Exception {
        OpenAiStubs.streamsSlowly(wiremock, KEPT_AND_REMOVED, 20, 10_000);

        List<SseClient.Event> events = new java.util.ArrayList<>();
        long sourcesAt = 0;
        try (SseClient stream = SseClient.open("/api/chat/stream", question(TWITCH_QUESTION))) {
            for (SseClient.Event event = stream.next(); event != null; event = stream.next()) {
                sourcesAt = event.name().equals("sources") ? System.nanoTime() : sourcesAt;
                events.add(event);
            }
        }
        long millis = (System.nanoTime() - sourcesAt) / 1_000_000;
        events = withoutComments(events);

        assertEquals(List.of("error", "done"), names(events.subList(events.size() - 2, events.size())));
        assertEquals("extractive", done(events).get("mode").asText());
        assertTrue(millis < 7_000, "the deadline (4 s in tests) ended the stream, not the model (10 s): " + millis);
        Thread.sleep(1_000);
        assertFalse(modelResponseSent(), "the model's response was cut off at the deadline");
    }

    @Test
    void givenAModelThatTakesItsTime_whenStreamed_thenKeepAliveCommentsComeWhileItThinks() throws Exception {
        OpenAiStubs.streamsAfter(wiremock, 1_500, KEPT_AND_REMOVED);

        List<SseClient.Event> events = SseClient.readAll("/api/chat/stream", question(TWITCH_QUESTION));

        int firstToken = names(events).indexOf("token");
        assertTrue(names(events).subList(1, firstToken).contains(SseClient.COMMENT), names(events).toString());
        assertEquals("done", events.get(events.size() - 1).name());
    }

    @Test
    void givenAModelThatHasNotAnsweredYet_whenAStreamWaitsForIt_thenNoThreadIsHeldInTheAnsweringCode() throws Exception {
        OpenAiStubs.streamsAfter(wiremock, 1_500, KEPT_AND_REMOVED);

        try (SseClient stream = SseClient.open("/api/chat/stream", question(TWITCH_QUESTION))) {
            assertEquals("sources", stream.next().name());
            Thread.sleep(500); // the model call is out; its answer is a second away

            // Held means inside the answering code in every one of several looks 50 ms apart: an event loop that
            // runs a keep-alive tick through it at the instant of one look is passing, not held.
            java.util.Set<String> held = new java.util.HashSet<>(insideTheAnsweringCode());
            for (int look = 0; look < 4 && !held.isEmpty(); look++) {
                Thread.sleep(50);
                held.retainAll(insideTheAnsweringCode());
            }
            assertEquals(java.util.Set.of(), held, "threads waiting inside the stream");
            SseClient.Event last = null;
            for (SseClient.Event event = stream.next(); event != null; event = stream.next()) {
                last = event;
            }
            assertEquals("done", last.name());
        }
    }

    @Test
    void givenAnEmergency_whenStreamed_thenTheGuidanceStreamsAndTheModelIsNeverCalled() throws Exception {
        OpenAiStubs.streams(wiremock, List.of("Heat illness needs cooling [1]."));

        List<SseClient.Event> events = withoutComments(SseClient.readAll("/api/chat/stream",
                question("My friend is confused and very hot after a long run in the heat, what do I do?")));

        assertEquals("sources", events.get(0).name());
        assertEquals(0, JSON.readTree(events.get(0).data()).get("sources").size());
        JsonNode done = done(events);
        assertEquals("emergency", done.get("mode").asText());
        assertEquals(done.get("emergencyNotice").asText(), tokenText(events));
        assertTrue(done.get("answer").asText().endsWith("\n\n" + disclaimer));
        wiremock.verifyThat(0, postRequestedFor(urlEqualTo(OpenAiStubs.COMPLETIONS)));
    }

    @Test
    void givenAQuestionTheArticlesDoNotCover_whenStreamed_thenTheNoAnswerTextStreamsWithoutTheModel() throws Exception {
        OpenAiStubs.streams(wiremock, List.of("Replace the clutch plate [1]."));

        List<SseClient.Event> events = withoutComments(SseClient.readAll("/api/chat/stream",
                question("How do I replace the clutch on a 2004 Honda Civic?")));

        assertEquals("sources", events.get(0).name());
        JsonNode done = done(events);
        assertEquals("no_answer", done.get("mode").asText());
        assertEquals(done.get("body").asText(), tokenText(events));
        assertTrue(done.get("answer").asText().endsWith("\n\n" + disclaimer));
        wiremock.verifyThat(0, postRequestedFor(urlEqualTo(OpenAiStubs.COMPLETIONS)));
    }

    @Test
    void givenAClientThatHangsUpAfterTheFirstToken_whenTheModelWouldStreamOn_thenTheModelCallIsCutOffAndNothingIsVerified()
            throws Exception {
        List<String> deltas = java.util.Collections.nCopies(30, "Most episodes settle by themselves within hours [1]. ");
        OpenAiStubs.streamsSlowly(wiremock, deltas, 30, 3_000);
        double verified = metric("healthrag_answer_stage_seconds_count{stage=\"verify\"}");
        double stopped = metric("healthrag_llm_stream_stopped_total");
        double received = metric("healthrag_llm_stream_deltas_total");

        try (SseClient stream = SseClient.open("/api/chat/stream", question(TWITCH_QUESTION))) {
            for (SseClient.Event event = stream.next(); !event.name().equals("token"); event = stream.next()) {
                assertFalse(event.name().equals("done"));
            }
        }
        Thread.sleep(4_000); // past the end of the model's answer, had it been read

        assertFalse(modelResponseSent(), "WireMock never finished sending: the connection was closed");
        assertEquals(stopped + 1, metric("healthrag_llm_stream_stopped_total"), "the model call was cut off");
        assertTrue(metric("healthrag_llm_stream_deltas_total") - received < deltas.size() / 2,
                "the rest of the model's answer was never read");
        assertEquals(verified, metric("healthrag_answer_stage_seconds_count{stage=\"verify\"}"),
                "no verification ran for a reader who had gone");
    }

    @Test
    void givenAnEmptyQuestion_whenStreamed_thenTheSame400AsChat() throws Exception {
        String body = question(" ");

        try (SseClient stream = SseClient.open("/api/chat/stream", body)) {
            String chat = given().contentType(ContentType.JSON).body(body).post("/api/chat")
                    .then().statusCode(400).extract().asString();
            assertEquals(400, stream.status());
            assertTrue(stream.contentType().startsWith("application/json"), stream.contentType());
            assertEquals(JSON.readTree(chat), JSON.readTree(stream.rawBody()));
        }
    }

    /**
     * Whether WireMock finished sending its one response to the model call: it logs the send time only then, and
     * not when the connection is closed on it mid-response. Waits a little for a send that is finishing.
     */
    /** The threads (other than this test's) with answering or API code on their stack right now. */
    private static java.util.Set<String> insideTheAnsweringCode() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(entry -> entry.getKey() != Thread.currentThread())
                .filter(entry -> java.util.Arrays.stream(entry.getValue()).anyMatch(frame ->
                        frame.getClassName().startsWith("dev.healthrag.answer")
                                || frame.getClassName().startsWith("dev.healthrag.api")))
                .map(entry -> entry.getKey().getName())
                .collect(java.util.stream.Collectors.toSet());
    }

    private boolean modelResponseSent() throws InterruptedException {
        for (int attempt = 0; attempt < 10; attempt++) {
            List<com.github.tomakehurst.wiremock.stubbing.ServeEvent> served = wiremock.getServeEvents();
            assertEquals(1, served.size(), "one model call");
            if (served.get(0).getTiming().getResponseSendTime() != null) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    static String question(String question) throws Exception {
        return JSON.writeValueAsString(Map.of("question", question));
    }

    static List<SseClient.Event> withoutComments(List<SseClient.Event> events) {
        return events.stream().filter(event -> !event.name().equals(SseClient.COMMENT)).toList();
    }

    static List<String> names(List<SseClient.Event> events) {
        return events.stream().map(SseClient.Event::name).toList();
    }

    static String tokenText(List<SseClient.Event> events) throws Exception {
        StringBuilder text = new StringBuilder();
        for (SseClient.Event event : events) {
            if (event.name().equals("token")) {
                text.append(JSON.readTree(event.data()).get("text").asText());
            }
        }
        return text.toString();
    }

    /** Stage timings differ from one run of the same answer to the next. */
    static void withoutTimings(ObjectNode answer) {
        if (answer.get("debug") instanceof ObjectNode debug) {
            debug.remove("timings");
        }
    }

    static JsonNode done(List<SseClient.Event> events) throws Exception {
        List<SseClient.Event> done = events.stream().filter(event -> event.name().equals("done"))
                .collect(Collectors.toList());
        assertEquals(1, done.size(), names(events).toString());
        return JSON.readTree(done.get(0).data());
    }
}
