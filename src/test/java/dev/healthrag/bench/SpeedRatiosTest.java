package dev.healthrag.bench;

import com.sun.net.httpserver.HttpServer;
import dev.healthrag.HealthRagConfig;
import dev.healthrag.TestArticles;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.ingest.Ingestor;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The speed ratios measured against this test's own running service, standing in for both builds (a baseline on
 * the same port): the figures are meaningless here, their wiring is not.
 */
@QuarkusTest
class SpeedRatiosTest {

    private static final List<String> QUESTIONS = List.of("How long does an ankle sprain take to heal?",
            "Why do my legs cramp at night?", "How much water should I drink when it is hot?");

    @TestHTTPResource("/")
    URL service;

    @Inject
    Ingestor ingestor;

    @Inject
    HealthRagConfig config;

    @Test
    void givenAServiceAndABaseline_whenMeasured_thenEveryRoundHasEveryRatioAndEachSearchWasEmbedded()
            throws Exception {
        TestArticles.ingest(ingestor);
        // An embedder of its own, as the bench's JVM has: its embeddings are not the service's.
        SpeedRatios ratios = new SpeedRatios(new Embedder(config), new SpeedRatios.Settings(2, 2, 6, 2));

        SpeedRatios.Result result = ratios.measure(QUESTIONS, service.getPort(), service.getPort());

        assertEquals(2, result.perRound().size());
        assertEquals(3, result.distinctQuestions());
        assertEquals(0, result.errors());
        assertTrue(result.embeddingP50Ms() > 0 && result.oneClientP50Ms() > 0, result.toString());
        assertEquals(Math.round(result.oneClientP50Ms() / result.embeddingP50Ms() * 100),
                Math.round(result.oneClientOverEmbedding() * 100), 1, result.toString());
        assertTrue(result.p95OverP50() >= 1 && result.perRound().stream().allMatch(round -> round.p95OverP50() >= 1),
                result.toString());
        assertNotNull(result.throughputOverBaseline());
        assertNotNull(result.perRound().get(1).throughputOverBaseline());
        assertTrue(result.queryEmbeddingsPerSearch() >= 1, "no search was timed without its embedding: " + result);
        assertTrue(SpeedRatios.table(result).contains("throughput ÷ baseline's"), SpeedRatios.table(result));
        Map<String, Double> stages = result.oneClientStageMeansMs();
        assertEquals(List.of("article_rerank", "chunk_texts", "query_vector", "searches"),
                stages.keySet().stream().sorted().toList(), result.toString());
        assertTrue(stages.get("query_vector") > 0 && stages.get("searches") > 0, stages.toString());
        assertTrue(stages.values().stream().mapToDouble(Double::doubleValue).sum() <= result.oneClientMeanMs(),
                "the service's stages fit inside the searches the bench timed: " + result);
    }

    @Test
    void givenRunsOneAfterAnother_whenAServiceIsLoaded_thenItsQuestionsCycleOnWithoutStartingOver()
            throws Exception {
        TestArticles.ingest(ingestor);
        List<String> asked = Collections.synchronizedList(new ArrayList<>());
        HttpServer baseline = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        baseline.createContext("/api/search", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            asked.add(URLDecoder.decode(query.substring(query.indexOf("q=") + 2), StandardCharsets.UTF_8));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        baseline.start();
        try {
            SpeedRatios ratios = new SpeedRatios(new Embedder(config), new SpeedRatios.Settings(2, 1, 4, 5));

            ratios.measure(QUESTIONS, service.getPort(), baseline.getAddress().getPort());
        } finally {
            baseline.stop(0);
        }

        assertEquals(5 + 4 + 4, asked.size(), "warm-up, then one run per round");
        for (int i = 0; i < asked.size(); i++) {
            assertEquals(QUESTIONS.get(i % QUESTIONS.size()), asked.get(i), "request " + i + " of " + asked
                    + ": a run that started the cycle again would repeat the questions a cache saw last");
        }
    }

    @Test
    void givenNoBaseline_whenMeasured_thenThroughputHasNoRatio() throws Exception {
        TestArticles.ingest(ingestor);
        SpeedRatios ratios = new SpeedRatios(new Embedder(config), new SpeedRatios.Settings(1, 1, 3, 0));

        SpeedRatios.Result result = ratios.measure(QUESTIONS, service.getPort(), null);

        assertNull(result.throughputOverBaseline());
        assertNull(result.perRound().get(0).baselinePerSecond());
        assertTrue(!SpeedRatios.table(result).contains("baseline"), SpeedRatios.table(result));
    }
}
