package dev.healthrag.api;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.healthrag.TestArticles;
import dev.healthrag.text.Sentences;
import dev.healthrag.ingest.Ingestor;
import dev.healthrag.retrieval.QueryAnalyzer;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How often a question goes through the embedding model, read from the service's own meter
 * ({@code healthrag.embedding.queries} on /q/metrics): triage's vector serves retrieval of the same text, and no
 * process-wide cache answers a repeated question without the model.
 */
@QuarkusTest
@ConnectWireMock
class QueryEmbeddingTest {

    /** A message query analysis leaves as typed: no misspelling, no lay word with a clinical term. */
    private static final String PLAIN = "How long does an ankle sprain take to heal?";
    /** A message query analysis adds a clinical term to, so retrieval embeds another text than triage. */
    /** Read statement by statement by triage: its statements are embedded beside it, not counted as messages. */
    private static final String LONG = "I twisted my ankle playing football yesterday. It is sore and it hurts "
            + "when I walk on it. How long does an ankle sprain take to heal?";
    private static final String LAY = "what foods make heartburn worse?";
    private static final Pattern METER = Pattern.compile("(?m)^healthrag_embedding_queries_total(?:\\{[^}]*})? (\\S+)$");

    WireMock wiremock;

    @Inject
    Ingestor ingestor;

    @Inject
    QueryAnalyzer analyzer;

    @BeforeEach
    void givenTheFixtureArticlesAndAModelThatAnswers() {
        TestArticles.ingest(ingestor);
        wiremock.resetToDefaultMappings();
        OpenAiStubs.answers(wiremock, "Most sprains heal within a few weeks [1].");
    }

    @Test
    void givenAPlainMessage_whenAskedOnChat_thenTheModelEmbedsItOnceForTriageAndRetrieval() {
        assertEquals(PLAIN, analyzer.analyze(PLAIN).denseText(), "precondition: retrieval embeds the message as typed");
        double before = queriesEmbedded();

        chat(PLAIN);

        assertEquals(1, queriesEmbedded() - before, "triage's vector is reused by retrieval");
    }

    @Test
    void givenAMessageOfSeveralStatements_whenAskedOnChat_thenItsOwnVectorIsComputedOnceAndReusedByRetrieval() {
        assertTrue(Sentences.splitMessage(LONG).size() > 2, "precondition: triage reads the message's statements too");
        assertEquals(LONG, analyzer.analyze(LONG).denseText(), "precondition: retrieval embeds the message as typed");
        double before = queriesEmbedded();

        chat(LONG);

        assertEquals(1, queriesEmbedded() - before, "the statements embed beside the message; retrieval reuses its vector");
    }

    @Test
    void givenTheSameMessageTwice_whenAskedOnChat_thenEachChatRunsTheModelItself() {
        double before = queriesEmbedded();

        chat(PLAIN);
        chat(PLAIN);

        assertEquals(2, queriesEmbedded() - before, "no cache answers a repeated question without the model");
    }

    @Test
    void givenAMessageAnalysisExpands_whenAskedOnChat_thenRetrievalEmbedsItsOwnTextOnce() {
        assertNotEquals(LAY, analyzer.analyze(LAY).denseText(), "precondition: retrieval embeds an expanded text");
        double before = queriesEmbedded();

        chat(LAY);

        assertEquals(2, queriesEmbedded() - before, "triage's vector is of another text, so retrieval embeds its own");
    }

    @Test
    void givenTheSameQueryTwice_whenSearched_thenEachSearchRunsTheModel() {
        double before = queriesEmbedded();

        given().queryParam("q", PLAIN).get("/api/search").then().statusCode(200);
        given().queryParam("q", PLAIN).get("/api/search").then().statusCode(200);

        assertEquals(2, queriesEmbedded() - before);
    }

    private static void chat(String question) {
        given().contentType(ContentType.JSON).body(Map.of("question", question))
                .post("/api/chat").then().statusCode(200);
    }

    private static double queriesEmbedded() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher meter = METER.matcher(metrics);
        assertTrue(meter.find(), "healthrag_embedding_queries_total is on /q/metrics");
        return Double.parseDouble(meter.group(1));
    }
}
