package dev.healthrag.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class RequestErrorsTest {

    @ConfigProperty(name = "healthrag.disclaimer")
    String disclaimer;

    @Test
    void emptyQuestionIsA400ThatSaysWhatToFix() {
        chat(Map.of("question", "")).statusCode(400).contentType(ContentType.JSON)
                .body("error", containsString("question must not be empty"))
                .body("disclaimer", equalTo(disclaimer));
    }

    @Test
    void blankOrMissingQuestionIsA400() {
        chat(Map.of("question", "   \n\t")).statusCode(400).body("error", containsString("must not be empty"));
        chat(Map.of("conversationId", "3f0b9c52-6d1e-4c8a-9f2e-1b7a5d4c3e21")).statusCode(400).body("error", containsString("must not be empty"));
    }

    @Test
    void overLongQuestionIsA400ThatGivesTheLimit() {
        chat(Map.of("question", "a".repeat(2001))).statusCode(400)
                .body("error", containsString("2001 characters"))
                .body("error", containsString("2000"));
    }

    @Test
    void malformedJsonIsA400NotAStackTrace() {
        given().contentType(ContentType.JSON).body("{\"question\": \"cramps\",")
                .post("/api/chat").then().statusCode(400).contentType(ContentType.JSON)
                .body("error", containsString("not valid JSON"))
                .body("disclaimer", equalTo(disclaimer));
    }

    @Test
    void wrongJsonTypeIsA400() {
        given().contentType(ContentType.JSON).body("{\"question\": \"cramps\", \"topK\": \"many\"}")
                .post("/api/chat").then().statusCode(400).contentType(ContentType.JSON);
    }

    @Test
    void topKOutOfRangeIsA400() {
        chat(Map.of("question", "cramps", "topK", 0)).statusCode(400).body("error", containsString("topK"));
        chat(Map.of("question", "cramps", "topK", 500)).statusCode(400).body("error", containsString("topK"));
    }

    @Test
    void unknownPathIsJsonToo() {
        given().get("/api/nothing-here").then().statusCode(404).contentType(ContentType.JSON)
                .body("disclaimer", equalTo(disclaimer));
    }

    private static io.restassured.response.ValidatableResponse chat(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/chat").then();
    }
}
