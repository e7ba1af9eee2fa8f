package dev.healthrag.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The service keeps no state of its own: two instances of the packaged jar on one database answer every
 * question alike, and an article the ingest (a third process, as the Kubernetes Job runs it) writes while both
 * run is found by both, including through what each holds in memory (the vocabulary for spelling correction).
 * Requests alternate between the instances, as a load balancer would spread them, and a conversation begun on
 * one continues on the other. Run by failsafe in
 * {@code mvn verify}, after the jar is packaged; the database is the test suite's.
 */
class TwoInstancesIT {

    private static final String JDBC_URL = Optional.ofNullable(System.getenv("_TEST_QUARKUS_DATASOURCE_JDBC_URL"))
            .orElse("jdbc:postgresql://localhost:5432/healthrag_test");
    private static final Path LOGS = Path.of("target", "two-instances");
    private static final Duration START = Duration.ofSeconds(120);

    private static final List<String> QUESTIONS = List.of("ankle sprain swelling ice", "mussle twiching aftr workouts",
            "charley horse wakes me up", "how much water should I drink when it is hot", "knee pain after running",
            "heat exhaustion symptoms");

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void twoInstancesOnOneDatabaseAnswerAlikeBothSeeANewlyIngestedArticleAndShareConversations() throws Exception {
        try (ServiceInstance a = ServiceInstance.serve(JDBC_URL, LOGS.resolve("instance-a.log"));
             ServiceInstance b = ServiceInstance.serve(JDBC_URL, LOGS.resolve("instance-b.log"));
             // From scratch, so what the rest of the suite left in the database cannot differ between runs.
             ServiceInstance fixtures = ServiceInstance.command(JDBC_URL, LOGS.resolve("ingest-fixtures.log"),
                     "ingest", "src/test/resources/articles", "--reindex")) {
            assertEquals(0, fixtures.awaitExit(START), fixtures.tail());
            List<Integer> ports = List.of(a.awaitReady(START), b.awaitReady(START));
            for (int port : ports) {
                // The paths deploy/k8s probes: the packaged service must answer them.
                for (String probe : List.of("/q/health/started", "/q/health/live", "/q/health/ready")) {
                    assertEquals(200, get(port, probe).statusCode(), probe);
                }
            }

            int turn = 0;
            for (String question : QUESTIONS) {
                // The instance asked first alternates, so neither always gets the cold request.
                JsonNode first = search(ports.get(turn % 2), question);
                JsonNode second = search(ports.get((turn + 1) % 2), question);
                turn++;
                assertFalse(first.get("results").isEmpty(), question);
                assertEquals(first, second, "the two instances answered '" + question + "' differently");
            }
            String newArticle = "plantar-fasciitis";
            assertFalse(articleIds(search(ports.get(0), "plantar fasciitis heel pain")).contains(newArticle));

            try (ServiceInstance ingest = ServiceInstance.command(JDBC_URL, LOGS.resolve("ingest-new.log"),
                    "ingest", "src/test/resources/stateless")) {
                assertEquals(0, ingest.awaitExit(START), ingest.tail());
            }

            for (String question : List.of("plantar fasciitis heel pain", "plantr fascitis")) {
                JsonNode first = search(ports.get(turn % 2), question);
                JsonNode second = search(ports.get((turn + 1) % 2), question);
                turn++;
                assertEquals(newArticle, first.at("/results/0/articleId").asText(), question + ": " + first);
                assertEquals(first, second, "the two instances answered '" + question + "' differently");
            }
            // Both corrected the misspelling to a word only the new article has: their in-memory vocabulary followed.
            assertEquals("plantar", search(ports.get(0), "plantr fascitis").at("/interpretation/corrections/plantr").asText());

            // A conversation begun on one instance continues on the other: its turns are in the database, and the
            // follow-up, which names no condition, is answered from the first answer's article.
            JsonNode first = chat(ports.get(0), null, "What can I do about knee pain after running?");
            String conversation = first.get("conversationId").asText();
            String article = first.at("/citations/0/articleId").asText();
            assertFalse(article.isEmpty(), first.toString());
            JsonNode followUp = chat(ports.get(1), conversation, "and how long does it usually take to get better?");
            assertEquals(conversation, followUp.get("conversationId").asText());
            assertEquals(article, followUp.at("/citations/0/articleId").asText(), followUp.toString());
            JsonNode third = chat(ports.get(0), conversation, "should I stop running until it is gone?");
            assertEquals(article, third.at("/citations/0/articleId").asText(), third.toString());
            assertEquals(List.of(1, 2, 3), turnNumbers(conversation), "both instances appended to one conversation");
        }
    }

    private JsonNode search(int port, String question) throws IOException, InterruptedException {
        HttpResponse<String> response = get(port, "/api/search?k=5&q=" + URLEncoder.encode(question, StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private JsonNode chat(int port, String conversationId, String question) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode().put("question", question);
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        // A first chat waits for the instance's triage exemplars, embedded in the background at start: with two
        // instances warming up on two cores, that took more than 30 s on a slow host.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat"))
                .timeout(Duration.ofSeconds(180)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private static List<Integer> turnNumbers(String conversationId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(JDBC_URL, "healthrag", "healthrag");
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT turn FROM conversation_turns WHERE conversation_id = ?::uuid ORDER BY turn")) {
            statement.setString(1, conversationId);
            List<Integer> turns = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    turns.add(rows.getInt(1));
                }
            }
            return turns;
        }
    }

    private HttpResponse<String> get(int port, String pathAndQuery) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + pathAndQuery);
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> articleIds(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.get("results").forEach(result -> ids.add(result.get("articleId").asText()));
        return ids;
    }
}
