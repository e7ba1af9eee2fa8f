package dev.healthrag.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.healthrag.TestArticles;
import dev.healthrag.ingest.Ingestor;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.healthrag.api.ChatStreamResourceTest.JSON;
import static dev.healthrag.api.ChatStreamResourceTest.done;
import static dev.healthrag.api.ChatStreamResourceTest.names;
import static dev.healthrag.api.ChatStreamResourceTest.tokenText;
import static dev.healthrag.api.ChatStreamResourceTest.withoutComments;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /api/chat/stream with no model: the extractive answer streams the same events and ends as /api/chat answers. */
@QuarkusTest
@TestProfile(ExtractiveChatTest.NoLlm.class)
class ExtractiveChatStreamTest {

    @Inject
    Ingestor ingestor;

    @ConfigProperty(name = "healthrag.disclaimer")
    String disclaimer;

    @BeforeEach
    void givenTheFixtureArticlesAreIndexed() {
        TestArticles.ingest(ingestor);
    }

    @Test
    void givenNoLlm_whenAQuestionIsStreamed_thenSourcesTheBodyAsTokensAndDoneEqualToChatsAnswer() throws Exception {
        for (String query : List.of("", "?debug=true")) {
            // Each in a conversation of its own, so that neither is the other's follow-up.
            String body = JSON.writeValueAsString(Map.of("question", "How can I ease muscle twitching after training?",
                    "conversationId", UUID.randomUUID().toString(), "topK", 4));
            String blocking = JSON.writeValueAsString(Map.of("question", "How can I ease muscle twitching after training?",
                    "conversationId", UUID.randomUUID().toString(), "topK", 4));

            List<SseClient.Event> events = withoutComments(SseClient.readAll("/api/chat/stream" + query, body));
            ObjectNode chat = (ObjectNode) JSON.readTree(given().contentType(ContentType.JSON).body(blocking)
                    .post("/api/chat" + query).then().statusCode(200).extract().asString());

            assertEquals("sources", events.get(0).name());
            JsonNode sources = JSON.readTree(events.get(0).data()).get("sources");
            ObjectNode done = (ObjectNode) done(events);
            done.remove("conversationId");
            chat.remove("conversationId");
            ChatStreamResourceTest.withoutTimings(done);
            ChatStreamResourceTest.withoutTimings(chat);
            assertTrue(sources.size() > 0 && sources.size() <= 4, sources.toString());
            assertTrue(sources.findValuesAsText("articleId").containsAll(done.get("citations").findValuesAsText("articleId")),
                    "every source the answer cites was listed before any token");
            assertTrue(names(events.subList(1, events.size() - 1)).stream().allMatch("token"::equals));
            assertEquals(chat, done, query);
            assertEquals("extractive", done.get("mode").asText());
            assertEquals(done.get("body").asText(), tokenText(events));
            assertTrue(done.get("answer").asText().endsWith("\n\n" + disclaimer));
        }
    }

    @Test
    void givenNoLlm_whenAnEmergencyIsStreamed_thenTheSameEventsWithTheGuidanceAsTokens() throws Exception {
        String body = ChatStreamResourceTest.question("I think I'm having a heart attack, my chest hurts and my left arm is numb");

        List<SseClient.Event> events = withoutComments(SseClient.readAll("/api/chat/stream", body));

        assertEquals("sources", events.get(0).name());
        JsonNode done = done(events);
        assertEquals("emergency", done.get("mode").asText());
        assertEquals(done.get("emergencyNotice").asText(), tokenText(events));
        assertEquals(List.of("sources", "token", "done"), names(events));
    }
}
