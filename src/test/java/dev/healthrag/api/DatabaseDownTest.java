package dev.healthrag.api;

import dev.healthrag.cli.IngestCommand;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(DatabaseDownTest.NoDatabase.class)
class DatabaseDownTest {

    /** Points the service at a port where no PostgreSQL listens. */
    public static class NoDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/nothing");
        }
    }

    @Inject
    IngestCommand ingest;

    @Test
    void chatAnswers503WithAJsonMessage() {
        given().contentType(ContentType.JSON).body(Map.of("question", "Why do muscles cramp?"))
                .post("/api/chat").then().statusCode(503).contentType(ContentType.JSON)
                .body("error", containsString("database is unavailable"));
    }

    @Test
    void searchAnswers503() {
        given().queryParam("q", "cramps").get("/api/search").then().statusCode(503).contentType(ContentType.JSON);
    }

    @Test
    void readinessIsDown() {
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
    }

    @Test
    void ingestStopsWithOneClearErrorAndExitCode3() {
        assertEquals(3, ingest.run("src/test/resources/articles"));
    }
}
