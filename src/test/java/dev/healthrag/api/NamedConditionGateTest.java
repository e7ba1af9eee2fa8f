package dev.healthrag.api;

import dev.healthrag.TestArticles;
import dev.healthrag.ingest.Ingestor;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relevance gate with a floor no chunk reaches, so that only its second rule can admit anything: a message
 * that names an article's condition is answered from that article; one that names none is not.
 */
@QuarkusTest
@TestProfile(NamedConditionGateTest.FloorAboveEveryChunk.class)
class NamedConditionGateTest {

    /** No LLM, and a relevance floor above any cosine similarity a fixture chunk gets. */
    public static class FloorAboveEveryChunk implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("healthrag.llm.enabled", "false", "healthrag.retrieval.min-similarity", "0.99");
        }
    }

    @Inject
    Ingestor ingestor;

    @BeforeEach
    void givenTheFixtureArticlesAreIndexed() {
        TestArticles.ingest(ingestor);
    }

    @Test
    void givenNoChunkClearsTheFloor_whenTheMessageNamesAnArticlesCondition_thenThatArticleAnswers() {
        JsonPath body = ask("twitchy muscles after a workout: where do I start reading?");

        assertEquals("extractive", body.getString("mode"), body.prettify());
        assertTrue(body.getList("citations.articleId").stream().allMatch("muscle-twitching"::equals),
                body.getList("citations.articleId").toString());
    }

    @Test
    void givenNoChunkClearsTheFloor_whenTheMessageNamesNoArticle_thenTheArticlesDoNotCoverIt() {
        JsonPath body = ask("why do my muscles jump for hours after I lift weights?");

        assertEquals("no_answer", body.getString("mode"), body.prettify());
        assertTrue(body.getList("citations").isEmpty());
    }

    private static JsonPath ask(String question) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question))
                .post("/api/chat").then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }
}
