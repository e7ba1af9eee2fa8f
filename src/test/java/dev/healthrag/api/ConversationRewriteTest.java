package dev.healthrag.api;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.healthrag.TestArticles;
import dev.healthrag.ingest.Ingestor;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Follow-ups rewritten by the LLM (the OpenAI wire format, from WireMock): the model is shown the conversation
 * and the new message, its one-line reply is the query retrieval runs and the answer's prompt asks, and a model
 * that fails leaves the deterministic topic rule to rewrite.
 */
@QuarkusTest
@ConnectWireMock
class ConversationRewriteTest {

    private static final String FIRST = "Why do my muscles twitch after a hard workout?";
    private static final String FOLLOW_UP = "and how long does it last?";
    /** What only the rewrite prompt (prompts/condense.txt) contains. */
    private static final String REWRITE_MARKER = "New message:";
    private static final String ANSWER = "Most episodes settle by themselves within hours [1].";

    WireMock wiremock;

    @Inject
    Ingestor ingestor;

    @BeforeEach
    void givenTheFixtureArticlesAndAModelThatAnswers() {
        TestArticles.ingest(ingestor);
        wiremock.resetToDefaultMappings();
        wiremock.resetRequests();
        OpenAiStubs.answers(wiremock, ANSWER);
    }

    @Test
    void givenAConversation_whenAFollowUpComes_thenTheModelSeesTheHistoryAndItsRewriteIsTheQuery() {
        String rewrite = "How long does muscle twitching after a hard workout last?";
        rewriteAnswers(aResponse().withHeader("Content-Type", "application/json")
                .withBody(OpenAiStubs.completion("\"" + rewrite + "\"\n")));
        String id = chat(null, FIRST).getString("conversationId");
        assertEquals(0, rewriteRequests().size(), "a first message is not rewritten");

        JsonPath followUp = chat(id, FOLLOW_UP);

        List<LoggedRequest> rewrites = rewriteRequests();
        assertEquals(1, rewrites.size());
        String prompt = rewrites.get(0).getBodyAsString();
        assertTrue(prompt.contains("User: " + FIRST), prompt);
        assertTrue(prompt.contains("Assistant: Most episodes settle by themselves within hours [1]."), prompt);
        assertTrue(prompt.contains("Twitchy Muscles After a Workout"), "the cited title: " + prompt);
        assertTrue(prompt.contains(REWRITE_MARKER + " " + FOLLOW_UP), prompt);
        assertEquals(rewrite, followUp.getString("debug.query"), "quotes around the reply are dropped");
        assertTrue(followUp.getString("prompt.user").contains("Question: " + rewrite),
                "the answer is asked for the standalone question: " + followUp.getString("prompt.user"));
        assertEquals("muscle-twitching", followUp.getString("citations[0].articleId"));
        assertEquals(id, followUp.getString("conversationId"));
    }

    @Test
    void givenAConversation_whenTheModelFailsToRewrite_thenTheTopicRuleRewritesAndTheAnswerStillComes() {
        rewriteAnswers(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}"));
        String id = chat(null, FIRST).getString("conversationId");

        JsonPath followUp = chat(id, FOLLOW_UP);

        assertTrue(rewriteRequests().size() >= 1, "the model was asked");
        assertEquals("Twitchy Muscles After a Workout: " + FOLLOW_UP, followUp.getString("debug.query"));
        assertEquals("llm", followUp.getString("mode"));
        assertEquals("muscle-twitching", followUp.getString("citations[0].articleId"));
    }

    private void rewriteAnswers(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        wiremock.register(post(urlEqualTo(OpenAiStubs.COMPLETIONS)).atPriority(1)
                .withRequestBody(containing(REWRITE_MARKER)).willReturn(response));
    }

    private List<LoggedRequest> rewriteRequests() {
        return wiremock.find(postRequestedFor(urlEqualTo(OpenAiStubs.COMPLETIONS))
                .withRequestBody(containing(REWRITE_MARKER)));
    }

    private static JsonPath chat(String conversationId, String question) {
        Map<String, Object> body = new HashMap<>();
        body.put("question", question);
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/chat?debug=true")
                .then().statusCode(200).extract().jsonPath();
    }
}
