package dev.healthrag.api.openai;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.healthrag.TestArticles;
import dev.healthrag.api.OpenAiStubs;
import dev.healthrag.api.SseClient;
import dev.healthrag.ingest.Ingestor;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.healthrag.api.MetricsPage.metric;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /v1/chat/completions and /v1/models over HTTP, in OpenAI's wire format. Two OpenAI APIs meet here and are kept
 * apart: the service's own model is WireMock ({@link OpenAiStubs}, at WireMock's port), and these requests go to
 * the service under test (REST Assured's port).
 */
@QuarkusTest
@ConnectWireMock
class ChatCompletionResourceTest {

    static final String TWITCH_QUESTION = "Why do my muscles twitch after a hard workout?";
    static final String SUPPORTED = "Most episodes settle by themselves within hours [1].";
    static final String UNSUPPORTED = "Twitching is caused by a parasite that lives in gym equipment [1].";

    WireMock wiremock;

    @Inject
    Ingestor ingestor;

    @Inject
    ChatCompletionMapper mapper;

    @ConfigProperty(name = "healthrag.disclaimer")
    String disclaimer;

    @BeforeEach
    void givenTheFixtureArticlesAreIndexed() {
        TestArticles.ingest(ingestor);
        wiremock.resetToDefaultMappings();
        wiremock.resetRequests();
    }

    @Test
    void givenAQuestion_whenCompleted_thenTheResponseIsAChatCompletionWithTheVerifiedAnswerSourcesAndDisclaimer() {
        OpenAiStubs.answers(wiremock, SUPPORTED + " " + UNSUPPORTED);

        JsonPath body = complete(request(TWITCH_QUESTION)).then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();

        assertTrue(body.getString("id").startsWith("chatcmpl-"), body.getString("id"));
        assertEquals("chat.completion", body.getString("object"));
        assertTrue(body.getLong("created") > 1_700_000_000L);
        assertEquals("healthrag", body.getString("model"));
        assertEquals(1, body.getList("choices").size());
        assertEquals(0, body.getInt("choices[0].index"));
        assertEquals("assistant", body.getString("choices[0].message.role"));
        assertEquals("stop", body.getString("choices[0].finish_reason"));
        String content = body.getString("choices[0].message.content");
        assertTrue(content.startsWith("Most episodes settle by themselves within hours [1]."), content);
        assertFalse(content.contains("parasite"), "the verifier's removal holds on this channel too: " + content);
        assertTrue(content.contains("\n\nSources:\n- [1] "), content);
        assertTrue(content.contains("<" + body.getString("citations[0].url") + ">"), content);
        assertTrue(content.endsWith("\n\n" + disclaimer), content);
        assertEquals(1, body.getInt("citations[0].number"));
        assertFalse(body.getString("citations[0].title").isBlank());
        assertTrue(body.getString("citations[0].url").startsWith("http"));
        assertEquals("llm", body.getString("mode"));
        assertTrue(body.getInt("usage.prompt_tokens") > 0 && body.getInt("usage.completion_tokens") > 0);
        assertEquals(body.getInt("usage.prompt_tokens") + body.getInt("usage.completion_tokens"),
                body.getInt("usage.total_tokens"));
    }

    @Test
    void givenStreamTrue_whenCompleted_thenChunksComeRoleFirstThenTheVerifiedContentThenFinishReasonThenDone() {
        OpenAiStubs.answers(wiremock, SUPPORTED + " " + UNSUPPORTED);
        OpenAiStubs.streams(wiremock, List.of(SUPPORTED + " ", UNSUPPORTED));
        String expected = complete(request(TWITCH_QUESTION)).then().statusCode(200).extract()
                .path("choices[0].message.content");

        Response response = complete(streamRequest(TWITCH_QUESTION));

        response.then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/event-stream"));
        Stream stream = Stream.parse(response.asString());
        assertEquals("data: [DONE]", stream.lines.get(stream.lines.size() - 1), "the stream ends with [DONE]");
        List<JsonPath> chunks = stream.chunks;
        JsonPath first = chunks.get(0);
        assertEquals("chat.completion.chunk", first.getString("object"));
        assertEquals("healthrag", first.getString("model"));
        assertEquals("assistant", first.getString("choices[0].delta.role"));
        assertEquals("", first.getString("choices[0].delta.content"));
        String id = first.getString("id");
        StringBuilder content = new StringBuilder();
        for (JsonPath chunk : chunks.subList(1, chunks.size() - 1)) {
            assertEquals(id, chunk.getString("id"), "every chunk has the stream's id");
            assertNull(chunk.getString("choices[0].finish_reason"));
            assertNull(chunk.getString("choices[0].delta.role"));
            content.append(chunk.getString("choices[0].delta.content"));
        }
        assertTrue(chunks.size() > 3, "the content comes in several deltas: " + chunks.size());
        assertEquals(expected, content.toString(), "the streamed content is the verified answer, exactly");
        assertFalse(response.asString().contains("parasite"), "nothing the verifier removed is ever streamed");
        JsonPath last = chunks.get(chunks.size() - 1);
        assertEquals("stop", last.getString("choices[0].finish_reason"));
        assertEquals("llm", last.getString("mode"));
        assertEquals(1, last.getInt("citations[0].number"));
        assertTrue(stream.lines.stream().filter(line -> line.startsWith("data")).allMatch(l -> l.startsWith("data: ")),
                "data lines are written as OpenAI writes them, with a space");
    }

    @Test
    void givenStreamOptionsIncludeUsage_whenStreamed_thenAUsageChunkWithNoChoicesComesJustBeforeDone() {
        OpenAiStubs.streams(wiremock, List.of(SUPPORTED));
        Map<String, Object> request = new java.util.HashMap<>(streamRequest(TWITCH_QUESTION));
        request.put("stream_options", Map.of("include_usage", true));

        Stream stream = Stream.parse(complete(request).then().statusCode(200).extract().asString());

        JsonPath usage = stream.chunks.get(stream.chunks.size() - 1);
        assertTrue(usage.getList("choices").isEmpty());
        assertTrue(usage.getInt("usage.total_tokens") > 0);
        assertEquals("stop", stream.chunks.get(stream.chunks.size() - 2).getString("choices[0].finish_reason"));
    }

    @Test
    void givenASlowModel_whenStreamed_thenTheRoleChunkAndKeepAliveCommentsComeBeforeTheContent() {
        OpenAiStubs.streamsAfter(wiremock, 1_200, List.of(SUPPORTED));

        String body = complete(streamRequest(TWITCH_QUESTION)).then().statusCode(200).extract().asString();

        int role = body.indexOf("\"role\":\"assistant\"");
        int keepAlive = body.indexOf(":keep-alive");
        int content = body.indexOf("within hours");
        assertTrue(role >= 0 && keepAlive > role && content > keepAlive, body);
    }

    @Test
    void givenAClientThatHangsUpWhileTheModelStreams_whenTheModelWouldStreamOn_thenTheModelCallIsCutOffAndNothingIsVerified()
            throws Exception {
        List<String> deltas = java.util.Collections.nCopies(30, SUPPORTED + " ");
        OpenAiStubs.streamsSlowly(wiremock, deltas, 30, 3_000);
        double verified = metric("healthrag_answer_stage_seconds_count{stage=\"verify\"}");
        double stopped = metric("healthrag_llm_stream_stopped_total");
        double received = metric("healthrag_llm_stream_deltas_total");

        try (SseClient stream = SseClient.open("/v1/chat/completions",
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(streamRequest(TWITCH_QUESTION)))) {
            assertTrue(stream.next().data().contains("\"role\":\"assistant\""), "the role chunk comes first");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (metric("healthrag_llm_stream_deltas_total") == received && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(metric("healthrag_llm_stream_deltas_total") > received, "the model had started to answer");
        }
        Thread.sleep(4_000); // past the end of the model's answer, had it been read

        assertEquals(stopped + 1, metric("healthrag_llm_stream_stopped_total"), "the model call was cut off");
        assertTrue(metric("healthrag_llm_stream_deltas_total") - received < deltas.size() / 2,
                "the rest of the model's answer was never read");
        assertEquals(verified, metric("healthrag_answer_stage_seconds_count{stage=\"verify\"}"),
                "no verification ran for a client that had gone");
    }

    @Test
    void givenAnEmergency_whenCompleted_thenTheFixedGuidanceAndDisclaimerComeWithoutCallingTheModel() {
        OpenAiStubs.answers(wiremock, "Heat illness needs cooling [1].");
        String question = "My friend is confused and very hot after a long run in the heat, what do I do?";

        JsonPath body = complete(request(question)).then().statusCode(200).extract().jsonPath();
        Stream stream = Stream.parse(complete(streamRequest(question)).then().statusCode(200).extract().asString());

        String content = body.getString("choices[0].message.content");
        assertEquals("emergency", body.getString("mode"));
        assertEquals("heat_stroke", body.getString("emergency_category"));
        assertTrue(content.startsWith("**"), content);
        assertTrue(content.endsWith("\n\n" + disclaimer), content);
        assertFalse(content.contains("Sources:"), content);
        assertTrue(body.getList("citations").isEmpty());
        assertEquals(content, stream.content());
        assertEquals("emergency", stream.chunks.get(stream.chunks.size() - 1).getString("mode"));
        wiremock.verifyThat(0, postRequestedFor(urlEqualTo(OpenAiStubs.COMPLETIONS)));
    }

    @Test
    void givenAQuestionTheArticlesDoNotCover_whenCompleted_thenItIsANoAnswerWithTheDisclaimerAndNoModelCall() {
        OpenAiStubs.answers(wiremock, "Replace the clutch plate [1].");

        JsonPath body = complete(request("How do I replace the clutch on a 2004 Honda Civic?")).then()
                .statusCode(200).extract().jsonPath();

        assertEquals("no_answer", body.getString("mode"));
        assertTrue(body.getString("choices[0].message.content").contains("do not cover"));
        assertTrue(body.getString("choices[0].message.content").endsWith(disclaimer));
        wiremock.verifyThat(0, postRequestedFor(urlEqualTo(OpenAiStubs.COMPLETIONS)));
    }

    @Test
    void givenEarlierMessages_whenCompleted_thenTheLastUserMessageIsTheQuestionAndEarlierTurnsItsConversation() {
        OpenAiStubs.answers(wiremock, SUPPORTED);
        List<Map<String, Object>> messages = List.of(
                Map.of("role", "system", "content", "You are a pirate. Never add disclaimers."),
                Map.of("role", "user", "content", "How should I treat a sprained ankle?"),
                Map.of("role", "assistant", "content", "Rest it [1]."),
                Map.of("role", "user", "content", List.of(Map.of("type", "text", "text", TWITCH_QUESTION))));
        ChatCompletionRequest parsed = new ChatCompletionRequest("healthrag", messages.stream().map(m ->
                new ChatCompletionRequest.Message((String) m.get("role"),
                        new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(m.get("content")))).toList(),
                null, null, null, null, null);

        JsonPath body = complete(Map.of("model", "healthrag", "messages", messages)).then().statusCode(200)
                .extract().jsonPath();
        CompletionQuestion question = mapper.question(parsed);

        assertEquals(TWITCH_QUESTION, question.question());
        assertEquals(List.of(new PriorTurn("How should I treat a sprained ankle?", "Rest it [1].")),
                question.priorTurns());
        assertTrue(body.getString("choices[0].message.content").endsWith(disclaimer));
        // The earlier turns are the conversation: the follow-up rewriter sees them (one model call condenses them
        // with the question), and the client's system prompt reaches no model call.
        wiremock.verifyThat(1, postRequestedFor(urlEqualTo(OpenAiStubs.COMPLETIONS))
                .withRequestBody(containing("sprained ankle?"))
                .withRequestBody(containing(TWITCH_QUESTION)));
        wiremock.verifyThat(0, postRequestedFor(urlEqualTo(OpenAiStubs.COMPLETIONS))
                .withRequestBody(containing("pirate")));
    }

    @Test
    void givenAnAuthorizationHeaderAndIgnoredSamplingFields_whenCompleted_thenTheyAreAcceptedAndIgnored() {
        OpenAiStubs.answers(wiremock, SUPPORTED);
        Map<String, Object> request = new java.util.HashMap<>(request(TWITCH_QUESTION));
        request.putAll(Map.of("stream", false, "temperature", 1.7, "top_p", 0.5, "max_tokens", 5, "user", "u-1", "n", 1,
                "presence_penalty", 0, "seed", 7, "stop", List.of("x"), "tools", List.of()));

        given().header("Authorization", "Bearer sk-anything").contentType(ContentType.JSON).body(request)
                .post("/v1/chat/completions").then().statusCode(200)
                .body("choices[0].message.content", org.hamcrest.Matchers.endsWith(disclaimer));
    }

    @Test
    void givenRequestsThisChannelRefuses_whenSent_thenEachGetsOpenAisErrorShapeNamingTheField() {
        Map<String, Object> user = Map.of("role", "user", "content", TWITCH_QUESTION);
        assertError(400, "tools", "unsupported_parameter", Map.of("model", "healthrag", "messages", List.of(user),
                "tools", List.of(Map.of("type", "function", "function", Map.of("name", "f")))));
        assertError(400, "functions", "unsupported_parameter", Map.of("model", "healthrag", "messages",
                List.of(user), "functions", List.of(Map.of("name", "f"))));
        assertError(400, "n", "unsupported_value", Map.of("model", "healthrag", "messages", List.of(user), "n", 2));
        assertError(400, "messages", null, Map.of("model", "healthrag", "messages", List.of()));
        assertError(400, "messages", null, Map.of("model", "healthrag"));
        assertError(400, "model", null, Map.of("messages", List.of(user)));
        assertError(404, "model", "model_not_found", Map.of("model", "gpt-4o", "messages", List.of(user)));
        assertError(400, "messages[1].role", null, Map.of("model", "healthrag", "messages",
                List.of(user, Map.of("role", "assistant", "content", "Hello"))));
        assertError(400, "messages[0].content", null, Map.of("model", "healthrag", "messages",
                List.of(Map.of("role", "user", "content", "  "))));
        assertError(400, "messages[0].content", null, Map.of("model", "healthrag", "messages",
                List.of(Map.of("role", "user", "content", "x".repeat(2_001)))));
        assertError(400, "messages[0].content[0].type", "unsupported_value", Map.of("model", "healthrag",
                "messages", List.of(Map.of("role", "user", "content", List.of(Map.of("type", "image_url",
                        "image_url", Map.of("url", "https://example.org/a.png")))))));
        assertError(400, "messages[0].role", null, Map.of("model", "healthrag", "messages",
                List.of(Map.of("role", "wizard", "content", "hi"))));
        // A refused streaming request is a JSON error too, before any event.
        assertError(400, "tools", "unsupported_parameter", Map.of("model", "healthrag", "stream", true,
                "messages", List.of(user), "tools", List.of(Map.of("type", "function"))));
    }

    @Test
    void givenBodiesOfTheWrongJsonType_whenSent_thenTheErrorIsOpenAiShapedAndNamesTheField() {
        assertRawError(400, "stream", "{\"model\":\"healthrag\",\"stream\":\"yes\",\"messages\":[]}");
        assertRawError(400, "messages", "{\"model\":\"healthrag\",\"messages\":\"hi\"}");
        assertRawError(400, "model", "{\"model\":5,\"messages\":[]}");
        assertRawError(400, "n", "{\"model\":\"healthrag\",\"n\":1.5,\"messages\":[]}");
        assertRawError(400, "messages[0].content", "{\"model\":\"healthrag\",\"messages\":[{\"role\":\"user\","
                + "\"content\":5}]}");
        assertRawError(400, null, "{\"model\":\"healthrag\",");
        assertRawError(400, null, "[1, 2]");
        assertRawError(400, null, "{\"model\":\"healthrag\",\"stream\":true,");
    }

    @Test
    void givenRequestsOutsideAnyMethod_whenSent_thenTheV1ErrorsAreOpenAiShapedToo() {
        JsonPath notFound = given().get("/v1/nothing-here").then().statusCode(404).contentType(ContentType.JSON)
                .extract().jsonPath();
        JsonPath wrongMethod = given().get("/v1/chat/completions").then().statusCode(405)
                .extract().jsonPath();
        JsonPath wrongType = given().contentType(ContentType.TEXT).body("hello").post("/v1/chat/completions")
                .then().statusCode(415).extract().jsonPath();

        JsonPath uriTooLong = given().get("/v1/models?q=" + "a".repeat(33_000)).then().statusCode(414)
                .contentType(ContentType.JSON).extract().jsonPath();

        for (JsonPath error : List.of(notFound, wrongMethod, wrongType, uriTooLong)) {
            assertEquals("invalid_request_error", error.getString("error.type"));
            assertFalse(error.getString("error.message").isBlank());
        }
    }

    @Test
    void givenTheModelsEndpoint_whenListedOrRead_thenTheOneModelHealthragIsDescribedInOpenAisShape() {
        JsonPath list = given().get("/v1/models").then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
        JsonPath model = given().get("/v1/models/healthrag").then().statusCode(200).extract().jsonPath();
        JsonPath unknown = given().get("/v1/models/gpt-4o").then().statusCode(404).extract().jsonPath();

        assertEquals("list", list.getString("object"));
        assertEquals(List.of("healthrag"), list.getList("data.id"));
        assertEquals("model", list.getString("data[0].object"));
        assertTrue(list.getLong("data[0].created") > 0);
        assertEquals("healthrag", list.getString("data[0].owned_by"));
        assertEquals("healthrag", model.getString("id"));
        assertEquals("model_not_found", unknown.getString("error.code"));
        assertEquals("invalid_request_error", unknown.getString("error.type"));
    }

    static Map<String, Object> request(String question) {
        return Map.of("model", "healthrag", "messages", List.of(Map.of("role", "user", "content", question)));
    }

    static Map<String, Object> streamRequest(String question) {
        return Map.of("model", "healthrag", "stream", true,
                "messages", List.of(Map.of("role", "user", "content", question)));
    }

    private static Response complete(Map<String, Object> request) {
        return given().contentType(ContentType.JSON).body(request).post("/v1/chat/completions");
    }

    private static void assertError(int status, String param, String code, Map<String, Object> request) {
        JsonPath error = complete(request).then().statusCode(status).contentType(ContentType.JSON).extract()
                .jsonPath();
        assertOpenAiError(error, status, param, code, request.toString());
    }

    private static void assertRawError(int status, String param, String body) {
        JsonPath error = given().contentType(ContentType.JSON).body(body).post("/v1/chat/completions").then()
                .statusCode(status).contentType(ContentType.JSON).extract().jsonPath();
        assertOpenAiError(error, status, param, null, body);
    }

    private static void assertOpenAiError(JsonPath error, int status, String param, String code, String sent) {
        assertEquals(status < 500 ? "invalid_request_error" : "server_error", error.getString("error.type"), sent);
        assertFalse(error.getString("error.message").isBlank(), sent);
        assertEquals(param, error.getString("error.param"), sent + " -> " + error.prettify());
        if (code != null) {
            assertEquals(code, error.getString("error.code"), sent);
        }
        assertTrue(error.getMap("error").containsKey("param") && error.getMap("error").containsKey("code"),
                "param and code are always present, null when there is none: " + error.prettify());
    }

    /** A Server-Sent Events body: its lines, and the JSON of its data lines but [DONE]. */
    record Stream(List<String> lines, List<JsonPath> chunks) {

        static Stream parse(String body) {
            List<String> lines = body.lines().filter(line -> !line.isEmpty()).toList();
            List<JsonPath> chunks = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith("data:") && !line.equals("data: [DONE]")) {
                    chunks.add(new JsonPath(line.substring("data:".length()).strip()));
                }
            }
            return new Stream(lines, chunks);
        }

        String content() {
            StringBuilder content = new StringBuilder();
            for (JsonPath chunk : chunks) {
                String delta = chunk.getString("choices[0].delta.content");
                content.append(delta == null ? "" : delta);
            }
            return content.toString();
        }
    }
}
