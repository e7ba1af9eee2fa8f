package dev.healthrag.api.openai;

import dev.healthrag.TestArticles;
import dev.healthrag.api.ExtractiveChatTest;
import dev.healthrag.ingest.Ingestor;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /v1/chat/completions with no model at all (the extractive profile /api/chat's tests use). */
@QuarkusTest
@TestProfile(ExtractiveChatTest.NoLlm.class)
class ExtractiveChatCompletionTest {

    @Inject
    Ingestor ingestor;

    @ConfigProperty(name = "healthrag.disclaimer")
    String disclaimer;

    @BeforeEach
    void givenTheFixtureArticlesAreIndexed() {
        TestArticles.ingest(ingestor);
    }

    @Test
    void givenNoLlm_whenCompletedWithAndWithoutStream_thenTheExtractiveAnswerHasMarkersForEverySourceListed() {
        Map<String, Object> request = ChatCompletionResourceTest.request("How should I treat a sprained ankle?");

        JsonPath body = given().contentType(ContentType.JSON).body(request).post("/v1/chat/completions").then()
                .statusCode(200).extract().jsonPath();
        String streamed = given().contentType(ContentType.JSON)
                .body(ChatCompletionResourceTest.streamRequest("How should I treat a sprained ankle?"))
                .post("/v1/chat/completions").then().statusCode(200).extract().asString();

        String content = body.getString("choices[0].message.content");
        assertEquals("extractive", body.getString("mode"));
        assertTrue(content.endsWith("\n\n" + disclaimer), content);
        String answer = content.substring(0, content.indexOf("\n\nSources:\n"));
        TreeSet<Integer> markers = new TreeSet<>();
        Matcher marker = Pattern.compile("\\[(\\d+)]").matcher(answer);
        while (marker.find()) {
            markers.add(Integer.parseInt(marker.group(1)));
        }
        assertEquals(new TreeSet<>(body.<Integer>getList("citations.number")), markers,
                "every [n] is a listed source and every listed source is cited");
        for (int number : markers) {
            assertTrue(content.contains("\n- [" + number + "] "), "source " + number + " is in the Sources list");
        }
        assertEquals("ankle-sprain", body.getString("citations[0].url").replaceAll(".*/", ""));
        ChatCompletionResourceTest.Stream stream = ChatCompletionResourceTest.Stream.parse(streamed);
        assertEquals(content, stream.content());
        assertEquals("extractive", stream.chunks().get(stream.chunks().size() - 1).getString("mode"));
    }
}
