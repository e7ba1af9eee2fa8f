package dev.healthrag.api;

import dev.healthrag.TestArticles;
import dev.healthrag.ingest.Ingestor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Every response tells browsers not to sniff, frame, run or refer; none names the server software. */
@QuarkusTest
class SecurityHeadersTest {

    private static final String JSON_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Inject
    Ingestor ingestor;

    @Test
    void chatAnswer() {
        TestArticles.ingest(ingestor);
        // An emergency is answered without the model, so no LLM stub is needed.
        hardened(given().contentType(ContentType.JSON)
                .body(Map.of("question", "My friend is confused and very hot after a long run in the heat"))
                .post("/api/chat").then().statusCode(200));
    }

    @Test
    void searchAnswer() {
        TestArticles.ingest(ingestor);
        hardened(given().queryParam("q", "ankle sprain").get("/api/search").then().statusCode(200));
    }

    @Test
    void errorResponses() {
        hardened(given().get("/api/search").then().statusCode(400));
        hardened(given().get("/api/nothing-here").then().statusCode(404));
        hardened(given().contentType(ContentType.JSON).body("{\"question\":\"" + "x".repeat(70_000) + "\"}")
                .post("/api/chat").then().statusCode(413));
    }

    @Test
    void health() {
        hardened(given().get("/q/health").then());
    }

    @Test
    void theSwaggerUiKeepsWorkingWithoutTheJsonPolicy() {
        given().get("/q/swagger-ui/").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", nullValue());
    }

    private static void hardened(ValidatableResponse response) {
        response.header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", equalTo(JSON_POLICY))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Server", nullValue())
                .header("X-Powered-By", nullValue());
    }
}
