package dev.healthrag.api;

import dev.healthrag.TestArticles;
import dev.healthrag.ingest.Ingestor;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

@QuarkusTest
class HealthAndDocsTest {

    @Inject
    Ingestor ingestor;

    @Test
    void readyWhenTheDatabaseAnswersAndArticlesAreIndexed() {
        TestArticles.ingest(ingestor);

        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'article-index' }.data.articles", greaterThan(0));
    }

    @Test
    void openApiDescribesTheChatAndSearchEndpoints() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/chat"))
                .body(containsString("/api/search"));
    }
}
