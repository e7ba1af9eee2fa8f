package dev.healthrag.api;

import dev.healthrag.cli.IngestCommand;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                .body("error", containsString("database is unavailable"))
                .header("Retry-After", notNullValue());
    }

    @Test
    void anEmergencyInAConversationIsAnsweredPromptlyWithoutTheDatabase() {
        String emergency = "I have crushing chest pain spreading to my left arm and I can't breathe";
        // The first answer pays for loading the models; what is timed is the conversation's part.
        given().contentType(ContentType.JSON).body(Map.of("question", emergency)).post("/api/chat").then()
                .statusCode(200).body("mode", equalTo("emergency"));
        long start = System.nanoTime();
        given().contentType(ContentType.JSON).body(Map.of("question", emergency, "conversationId", "3f0b9c52-6d1e-4c8a-9f2e-1b7a5d4c3e21"))
                .post("/api/chat").then().statusCode(200).body("mode", equalTo("emergency"))
                .body("conversationId", equalTo("3f0b9c52-6d1e-4c8a-9f2e-1b7a5d4c3e21"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        // The history is read only after triage, and an emergency's turn is stored in the background: neither
        // waits out the pool's 3 s acquisition timeout.
        assertTrue(millis < 2_500, millis + " ms");
    }

    @Test
    void searchAnswers503WithRetryAfter() {
        given().queryParam("q", "cramps").get("/api/search").then().statusCode(503).contentType(ContentType.JSON)
                .header("Retry-After", notNullValue());
    }

    @Test
    void readinessIsDownWithoutNamingTheInfrastructure() {
        String body = given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"))
                .extract().asString();
        assertFalse(body.contains("127.0.0.1") || body.contains("refused") || body.contains("jdbc"), body);
    }

    /**
     * Twenty searches at once: they get their 503s promptly instead of queueing behind each other's failures.
     * The JDK's client, not RestAssured's, so that client-side overhead on a busy machine is not what is timed.
     */
    @Test
    void concurrentSearchesAllFailFast() throws Exception {
        // A running service: its search beans are built and it has found the database down once.
        given().queryParam("q", "cramps").get("/api/search").then().statusCode(503);
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest search = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                + "/api/search?q=cramps")).build();
        List<CompletableFuture<Long>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            calls.add(client.sendAsync(search, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
                assertEquals(503, response.statusCode());
                assertTrue(response.headers().firstValue("Retry-After").isPresent(), "Retry-After");
                return (System.nanoTime() - start) / 1_000_000;
            }));
        }
        List<Long> millis = new ArrayList<>();
        for (CompletableFuture<Long> call : calls) {
            millis.add(call.get(60, TimeUnit.SECONDS));
        }
        // One request at a time may spend the pool's acquisition timeout (3 s) finding out; the rest may not.
        long prompt = millis.stream().filter(ms -> ms < 1_500).count();
        assertTrue(prompt >= 15, "503s within 1.5 s: " + prompt + " of 20; times " + millis);
        assertTrue(millis.stream().allMatch(ms -> ms < 6_000), "times " + millis);
    }

    @Test
    void ingestStopsWithOneClearErrorAndExitCode3() {
        assertEquals(3, ingest.run("src/test/resources/articles"));
    }
}
