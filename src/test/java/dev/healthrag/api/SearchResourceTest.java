package dev.healthrag.api;

import dev.healthrag.TestArticles;
import dev.healthrag.ingest.Ingestor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SearchResourceTest {

    @Inject
    Ingestor ingestor;

    @ConfigProperty(name = "healthrag.disclaimer")
    String disclaimer;

    @BeforeEach
    void givenTheFixtureArticlesAreIndexed() {
        TestArticles.ingest(ingestor);
    }

    @Test
    void hybridSearchRanksTheMatchingArticleFirstAndExplainsWhy() {
        given().queryParam("q", "ankle sprain swelling ice").queryParam("k", 3)
                .get("/api/search").then().statusCode(200)
                .body("results[0].articleId", equalTo("ankle-sprain"))
                .body("results.size()", equalTo(3))
                .body("results[0].score", greaterThan(0f))
                .body("results[0].denseRank", notNullValue())
                .body("results[0].lexicalRank", notNullValue())
                .body("mode", equalTo("hybrid"))
                .body("disclaimer", equalTo(disclaimer));
    }

    @Test
    void eachSearchTimesItsStagesOnTheMetricsPageAndTheArticleRerankOnlyInHybridMode() {
        String[] stages = {"query_vector", "searches", "article_rerank", "chunk_texts"};
        double[] before = new double[stages.length];
        for (int i = 0; i < stages.length; i++) {
            before[i] = MetricsPage.metric("healthrag_retrieval_stage_seconds_count{stage=\"" + stages[i] + "\"}");
        }

        given().queryParam("q", "ankle sprain swelling ice").get("/api/search").then().statusCode(200);
        given().queryParam("q", "ankle sprain swelling ice").queryParam("mode", "dense").get("/api/search").then()
                .statusCode(200);

        double[] expected = {2, 2, 1, 2};
        for (int i = 0; i < stages.length; i++) {
            String sample = "healthrag_retrieval_stage_seconds_count{stage=\"" + stages[i] + "\"}";
            assertEquals(expected[i], MetricsPage.metric(sample) - before[i], stages[i]);
        }
        assertTrue(MetricsPage.metric("healthrag_retrieval_stage_seconds_sum{stage=\"query_vector\"}") > 0,
                "the embedding took time");
    }

    @Test
    void denseAndLexicalModesReportOnlyTheirOwnRank() {
        given().queryParam("q", "night leg cramps").queryParam("mode", "dense").get("/api/search").then()
                .statusCode(200).body("results[0].lexicalRank", is((Object) null))
                .body("results[0].denseRank", equalTo(1));
        given().queryParam("q", "night leg cramps").queryParam("mode", "lexical").get("/api/search").then()
                .statusCode(200).body("results[0].denseRank", is((Object) null))
                .body("results[0].lexicalRank", equalTo(1));
    }

    @Test
    void misspeltQuestionStillFindsTheArticle() {
        given().queryParam("q", "mussle twiching aftr workouts").queryParam("k", 3).get("/api/search").then()
                .statusCode(200).body("results[0].articleId", equalTo("muscle-twitching"));
    }

    @Test
    void anArticleNamedInTheQuestionIsFoundByName() {
        given().queryParam("q", "tell me about twitchy muscles after a workout").queryParam("k", 3)
                .queryParam("mode", "lexical").get("/api/search").then()
                .statusCode(200).body("results[0].articleId", equalTo("muscle-twitching"))
                .body("interpretation.namePhrases", org.hamcrest.Matchers.hasItem("twitchy muscles after a workout"));
    }

    @Test
    void layWordsFindTheClinicalArticle() {
        given().queryParam("q", "charley horse wakes me up").queryParam("k", 3).get("/api/search").then()
                .statusCode(200).body("results[0].articleId", equalTo("leg-cramps-at-night"));
    }

    @Test
    void categoryFilterKeepsOnlyThatCategorysArticles() {
        given().queryParam("q", "drink water cramps").queryParam("category", "recovery").get("/api/search").then()
                .statusCode(200).body("results.size()", greaterThan(0))
                .body("results.articleId", org.hamcrest.Matchers.everyItem(equalTo("muscle-twitching")));
    }

    @Test
    void filtersApplyInsideTheSearch() {
        given().queryParam("q", "muscle").queryParam("category", "no-such-category").get("/api/search").then()
                .statusCode(200).body("results.size()", equalTo(0));
        given().queryParam("q", "muscle").queryParam("publishedAfter", "not-a-date").get("/api/search").then()
                .statusCode(400).body("error", org.hamcrest.Matchers.containsString("publishedAfter"));
    }

    @Test
    void unknownModeIsA400() {
        given().queryParam("q", "cramps").queryParam("mode", "magic").get("/api/search").then()
                .statusCode(400).contentType(ContentType.JSON);
    }

    @Test
    void aQueryOfExactlyTheMaximumLengthIsAnswered() {
        given().queryParam("q", "cramp ".repeat(333) + "ab").get("/api/search").then().statusCode(200);
        given().queryParam("q", "a".repeat(2001)).get("/api/search").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.containsString("2000"));
    }

    @Test
    void missingQueryIsA400() {
        given().get("/api/search").then().statusCode(400).contentType(ContentType.JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cramp & | ! :* 'quoted' \\\\ \"", "'; DROP TABLE chunks; --", "!!!???", "痙攣 ふくらはぎ",
            "knee:* & !pain | (run", "\\", "<script>alert(1)</script>"})
    void hostileOrOddQueriesNeverGiveA500(String query) {
        given().queryParam("q", query).get("/api/search").then()
                .statusCode(anyOf(equalTo(200), equalTo(400))).contentType(ContentType.JSON);
    }
}
