package dev.healthrag.api;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.healthrag.TestArticles;
import dev.healthrag.answer.LlmGuard;
import dev.healthrag.ingest.Ingestor;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model's clinical search query for a message (the OpenAI wire format, from WireMock): searched beside the
 * message, shown as modelSearchQuery, never asked for a short question or a follow-up, and a model that fails,
 * hangs or has tripped the breaker costs retrieval its rewrite deadline at most and never the answer.
 */
@QuarkusTest
@ConnectWireMock
@TestProfile(SearchQueryTest.Profile.class)
class SearchQueryTest {

    /** Long and vague: nothing in it names heat illness, the article the model's query names. */
    private static final String RAMBLING = "I was out for a long run yesterday afternoon and since then I have felt "
            + "really off and weird, what could be going on with me?";
    private static final String MODEL_QUERY = "heat exhaustion or heat stroke symptoms";
    /** What only the search-query prompt (prompts/search-query.txt) contains. */
    private static final String PROMPT_MARKER = "Write the search query";
    private static final String HEAT_ARTICLE = "heat-illness";
    private static final int BREAKER_VOLUME = 2;
    private static final long REWRITE_DEADLINE_MS = 1500;

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "%test.healthrag.llm.search-query.enabled", "true",
                    "%test.healthrag.llm.rewrite-deadline", REWRITE_DEADLINE_MS + "ms",
                    "healthrag.llm.retry.max-retries", "0",
                    "healthrag.llm.breaker.request-volume", String.valueOf(BREAKER_VOLUME),
                    "healthrag.llm.breaker.delay", "60s");
        }
    }

    WireMock wiremock;

    @Inject
    Ingestor ingestor;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    LlmGuard guard;

    @BeforeEach
    void givenTheFixtureArticlesAndAClosedBreaker() {
        TestArticles.ingest(ingestor);
        breakers.resetAll();
        wiremock.resetToDefaultMappings();
        wiremock.resetRequests();
        OpenAiStubs.answers(wiremock, "Heat exhaustion brings heavy sweating and dizziness [1].");
    }

    @Test
    void givenARamblingMessage_whenTheModelNamesItsCondition_thenThatArticleRisesToTheTop() {
        searchQueryReplies(failure());
        JsonPath alone = search(RAMBLING);
        assertNull(alone.get("modelSearchQuery"), "a failed rewrite shows no query");
        assertNotEquals(HEAT_ARTICLE, alone.getString("results[0].articleId"),
                "the message alone must not already find it first, or this test shows nothing");

        searchQueryReplies(reply("Search query: \"" + MODEL_QUERY + "\""));
        JsonPath rewritten = search(RAMBLING);

        assertEquals(MODEL_QUERY, rewritten.getString("modelSearchQuery"), "label and quotes are dropped");
        assertEquals(HEAT_ARTICLE, rewritten.getString("results[0].articleId"));
        String prompt = searchQueryRequests().get(searchQueryRequests().size() - 1).getBodyAsString();
        assertTrue(prompt.contains("Message: " + RAMBLING), prompt);
    }

    @Test
    void givenAChat_whenTheModelWritesASearchQuery_thenDebugShowsItAndTheAnswerIsAskedForTheMessage() {
        searchQueryReplies(reply(MODEL_QUERY));
        String message = "I sweat a lot on my runs in the summer and wonder what I should know about training when "
                + "it is very hot out";

        JsonPath chat = chat(message);

        assertEquals(MODEL_QUERY, chat.getString("debug.modelSearchQuery"));
        assertEquals(message, chat.getString("debug.query"), "the message stays the query the answer is for");
        assertTrue(chat.getString("prompt.user").contains(message), chat.getString("prompt.user"));
        assertFalse(chat.getString("prompt.user").contains(MODEL_QUERY), "the search query is not a question");
        assertEquals(HEAT_ARTICLE, chat.getString("citations[0].articleId"));
    }

    @Test
    void givenAShortQuestion_whenSearched_thenTheModelIsNotAskedForAQuery() {
        searchQueryReplies(reply(MODEL_QUERY));

        JsonPath result = search("how do I treat an ankle sprain");

        assertEquals(0, searchQueryRequests().size());
        assertNull(result.get("modelSearchQuery"));
    }

    @Test
    void givenAFollowUp_whenAnswered_thenItIsCondensedButNotRewrittenAgain() {
        searchQueryReplies(reply(MODEL_QUERY));
        String id = chat(RAMBLING).getString("conversationId");
        assertEquals(1, searchQueryRequests().size());

        JsonPath followUp = given().contentType(ContentType.JSON)
                .body(Map.of("question", "and could it also be that I simply did not drink enough water that day?",
                        "conversationId", id))
                .post("/api/chat?debug=true").then().statusCode(200).extract().jsonPath();

        assertEquals(1, searchQueryRequests().size(), "no search query for a follow-up");
        assertNull(followUp.get("debug.modelSearchQuery"));
    }

    @Test
    void givenAHangingModel_whenSearched_thenRetrievalWaitsItsRewriteDeadlineOnlyAndTheBreakerStaysClosed() {
        searchQueryReplies(reply(MODEL_QUERY).withFixedDelay(8_000));

        long started = System.nanoTime();
        JsonPath result = search(RAMBLING);
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertNull(result.get("modelSearchQuery"));
        assertFalse(result.getList("results").isEmpty(), "the message alone is still searched");
        assertTrue(tookMs >= REWRITE_DEADLINE_MS - 100, "it waited for the model: " + tookMs + " ms");
        assertTrue(tookMs < REWRITE_DEADLINE_MS + 4_000, "it stopped waiting at the deadline: " + tookMs + " ms");
        for (int i = 0; i < BREAKER_VOLUME; i++) {
            searchQueryReplies(failure());
            search(RAMBLING);
        }
        assertEquals(CircuitBreakerState.CLOSED, guard.breakerState(), "rewrite failures do not open the breaker");
    }

    @Test
    void givenAnOpenBreaker_whenSearched_thenTheModelIsNotAskedForAQuery() {
        OpenAiStubs.fails(wiremock, 500);
        for (int i = 0; i < BREAKER_VOLUME; i++) {
            chat("how do I treat an ankle sprain");
        }
        assertEquals(CircuitBreakerState.OPEN, guard.breakerState(), "precondition: the answers opened it");
        searchQueryReplies(reply(MODEL_QUERY));

        JsonPath result = search(RAMBLING);

        assertEquals(0, searchQueryRequests().size());
        assertNull(result.get("modelSearchQuery"));
    }

    private void searchQueryReplies(ResponseDefinitionBuilder response) {
        wiremock.register(post(urlEqualTo(OpenAiStubs.COMPLETIONS)).atPriority(1)
                .withRequestBody(containing(PROMPT_MARKER)).willReturn(response));
    }

    private static ResponseDefinitionBuilder reply(String content) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(OpenAiStubs.completion(content));
    }

    private static ResponseDefinitionBuilder failure() {
        return aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}");
    }

    private List<LoggedRequest> searchQueryRequests() {
        return wiremock.find(postRequestedFor(urlEqualTo(OpenAiStubs.COMPLETIONS))
                .withRequestBody(containing(PROMPT_MARKER)));
    }

    private static JsonPath search(String q) {
        return search(q, 10);
    }

    private static JsonPath search(String q, int k) {
        return given().queryParam("q", q).queryParam("k", k).get("/api/search").then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath chat(String question) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question))
                .post("/api/chat?debug=true").then().statusCode(200).extract().jsonPath();
    }
}
