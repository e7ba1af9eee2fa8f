package dev.healthrag.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class AnswerMetricsTest {

    @Test
    void triageVerdictsAndAnswerModesAreCountedOnTheMetricsEndpoint() {
        given().contentType(ContentType.JSON)
                .body(Map.of("question", "My friend is confused and very hot after a long run in the heat, what do I do?"))
                .post("/api/chat").then().statusCode(200);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("healthrag_triage_total{category=\"heat_stroke\"}"))
                .body(containsString("healthrag_answers_total{mode=\"emergency\"}"))
                .body(containsString("healthrag_answer_stage_seconds_count{stage=\"triage\"}"));
    }
}
