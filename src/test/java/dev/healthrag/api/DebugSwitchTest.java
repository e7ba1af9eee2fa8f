package dev.healthrag.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

/** ?debug=true exposes the prompt and the retrieved chunks, so it answers 403 unless the switch is on. */
@QuarkusTest
@TestProfile(DebugSwitchTest.DebugOff.class)
class DebugSwitchTest {

    /** The production default: the %test profile turns debug on for the tests that inspect the prompt. */
    public static class DebugOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Both spellings: a %test value in application.properties would otherwise win over the plain name.
            return Map.of("healthrag.api.debug-enabled", "false", "%test.healthrag.api.debug-enabled", "false");
        }
    }

    @Test
    void debugIsA403ThatSaysHowToTurnItOn() {
        given().contentType(ContentType.JSON).body(Map.of("question", "Why do my muscles twitch?"))
                .post("/api/chat?debug=true").then().statusCode(403).contentType(ContentType.JSON)
                .body("error", containsString("healthrag.api.debug-enabled"))
                .body("disclaimer", notNullValue());
    }

    @Test
    void debugFalseIsFine() {
        given().contentType(ContentType.JSON).body(Map.of("question", "", "x", 1))
                .post("/api/chat?debug=false").then().statusCode(400)
                .body("error", containsString("must not be empty"));
    }
}
