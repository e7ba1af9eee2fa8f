package dev.healthrag.api;

import dev.healthrag.TestArticles;
import dev.healthrag.conversation.ConversationPurge;
import dev.healthrag.conversation.ConversationStore;
import dev.healthrag.conversation.Conversation;
import dev.healthrag.conversation.Turn;
import dev.healthrag.ingest.IngestOptions;
import dev.healthrag.ingest.Ingestor;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conversations over /api/chat without a model, on the sample library (ingest/articles): turns are stored, a
 * follow-up that names no condition is retrieved for with the previous answer's topic, one that names its own
 * condition is not, and ids are checked.
 */
@QuarkusTest
@TestProfile(ExtractiveChatTest.NoLlm.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationChatTest {

    @Inject
    Ingestor ingestor;

    @Inject
    ConversationStore store;

    @Inject
    ConversationPurge purge;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    void givenTheSampleLibraryIsIndexed() {
        TestArticles.ingest(ingestor, Path.of("ingest", "articles"), new IngestOptions(false, true));
    }

    @AfterAll
    void putTheFixtureLibraryBack() {
        TestArticles.ingest(ingestor, TestArticles.FIXTURES, new IngestOptions(false, true));
    }

    @Test
    void givenAShinSplintsQuestion_whenTheFollowUpAsksHowLongItLasts_thenShinSplintsIsRetrievedAndBothTurnsAreStored() {
        JsonPath first = chat(null, "What causes shin splints?");
        String id = first.getString("conversationId");
        assertEquals("shin-splints", first.getString("citations[0].articleId"));

        JsonPath followUp = chat(id, "and how long does it last?");

        assertEquals(id, followUp.getString("conversationId"));
        assertEquals("extractive", followUp.getString("mode"));
        String query = followUp.getString("debug.query");
        assertTrue(query.toLowerCase().contains("shin splints") && query.contains("how long does it last"), query);
        assertEquals("shin-splints", followUp.getString("retrieved[0].articleId"), followUp.prettify());
        assertEquals("shin-splints", followUp.getString("citations[0].articleId"));

        Conversation stored = store.find(UUID.fromString(id)).orElseThrow();
        assertEquals(2, stored.turns().size());
        Turn second = stored.turns().get(1);
        assertEquals(2, second.number());
        assertEquals("and how long does it last?", second.question());
        assertEquals(query, second.rewrittenQuery());
        assertEquals(followUp.getString("body"), second.answerBody());
        assertEquals("extractive", second.mode());
        assertEquals(followUp.getList("citations.articleId"),
                second.citations().stream().map(c -> c.articleId()).toList());
        assertEquals(followUp.getString("citations[0].title"), second.citations().get(0).title());
        assertEquals(1, second.citations().get(0).number());
        assertEquals("What causes shin splints?", stored.turns().get(0).question());
        assertEquals("What causes shin splints?", stored.turns().get(0).rewrittenQuery(),
                "a first message is its own query");
    }

    @Test
    void givenAShinSplintsQuestion_whenTheNextOneNamesAnotherCondition_thenNothingIsCarriedOver() {
        String id = chat(null, "What causes shin splints?").getString("conversationId");

        JsonPath switched = chat(id, "what about plantar fasciitis, how long does that last?");

        assertEquals("what about plantar fasciitis, how long does that last?", switched.getString("debug.query"));
        assertEquals("plantar-fasciitis", switched.getString("retrieved[0].articleId"));
    }

    @Test
    void givenNoConversationId_whenAskedTwice_thenEachGetsANewUuidAndNoHistory() {
        JsonPath first = chat(null, "What causes shin splints?");
        JsonPath second = chat(null, "and how long does it last?");

        assertNotEquals(first.getString("conversationId"), second.getString("conversationId"));
        UUID.fromString(second.getString("conversationId"));
        assertEquals("and how long does it last?", second.getString("debug.query"));
    }

    @Test
    void givenAWellFormedIdTheServerNeverSaw_whenAsked_thenAConversationStartsUnderThatId() {
        String unknown = UUID.randomUUID().toString().toUpperCase();

        JsonPath body = chat(unknown, "and how long does it last?");

        assertEquals(unknown.toLowerCase(), body.getString("conversationId"), "the id in use, in canonical form");
        assertEquals("and how long does it last?", body.getString("debug.query"), "no history to carry");
        assertEquals(1, store.find(UUID.fromString(unknown)).orElseThrow().turns().size());
    }

    @Test
    void givenAMalformedId_whenAsked_thenA400SaysToSendAUuidOrNone() {
        given().contentType(ContentType.JSON)
                .body(Map.of("question", "What causes shin splints?", "conversationId", "my-chat-1"))
                .post("/api/chat").then().statusCode(400)
                .body("error", containsString("conversationId must be a UUID"))
                .body("error", containsString("omit it to start a new conversation"))
                .body("disclaimer", containsString("not a substitute"));
    }

    @Test
    void givenTurnsOlderThanTheRetention_whenThePurgeRuns_thenOnlyTheOldTurnsAndEmptiedConversationsGo()
            throws SQLException {
        UUID mixed = UUID.randomUUID();
        UUID old = UUID.randomUUID();
        store.append(mixed, turn("old question"));
        store.append(mixed, turn("new question"));
        store.append(old, turn("only an old question"));
        Instant longAgo = Instant.now().minus(31, ChronoUnit.DAYS);
        age(mixed, 1, longAgo);
        age(old, 1, longAgo);

        purge.purge(Instant.now());

        Conversation kept = store.find(mixed).orElseThrow();
        assertEquals(List.of("new question"), kept.turns().stream().map(Turn::question).toList());
        assertTrue(store.find(old).isEmpty(), "a conversation without turns left is deleted");
        assertEquals(3, store.append(mixed, turn("next question")), "numbering continues after a purge");
    }

    @Test
    void givenTurnsAppendedToOneConversationAtOnce_thenEachGetsItsOwnNumber() throws Exception {
        UUID id = UUID.randomUUID();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Integer>> numbers = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                String question = "question " + i;
                numbers.add(clients.submit(() -> store.append(id, turn(question))));
            }
            Set<Integer> got = new TreeSet<>();
            for (Future<Integer> number : numbers) {
                got.add(number.get(60, TimeUnit.SECONDS));
            }
            assertEquals(IntStream.rangeClosed(1, 16).boxed().toList(), List.copyOf(got));
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void givenAConversation_whenAnEmergencyComes_thenItIsStoredAsAnEmergencyTurnWithNoQuery() throws Exception {
        String id = chat(null, "What causes shin splints?").getString("conversationId");

        JsonPath emergency = chat(id, "I have crushing chest pain spreading to my left arm and I can't breathe");

        assertEquals("emergency", emergency.getString("mode"));
        assertEquals(id, emergency.getString("conversationId"));
        // An emergency's turn is stored in the background, so that its guidance never waits on the database.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<Turn> turns = store.find(UUID.fromString(id)).orElseThrow().turns();
        while (turns.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            turns = store.find(UUID.fromString(id)).orElseThrow().turns();
        }
        assertEquals(2, turns.size());
        assertEquals("emergency", turns.get(1).mode());
        assertEquals(null, turns.get(1).rewrittenQuery(), "nothing was retrieved");
    }

    private static ConversationStore.NewTurn turn(String question) {
        return new ConversationStore.NewTurn(question, question, "An answer [1].",
                List.of(new dev.healthrag.conversation.CitedSource(1, "Title", "https://example.org/a", "a")),
                "extractive");
    }

    private void age(UUID conversation, int turn, Instant when) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE conversation_turns SET created_at = ? WHERE conversation_id = ? AND turn = ?")) {
                statement.setTimestamp(1, java.sql.Timestamp.from(when));
                statement.setObject(2, conversation);
                statement.setInt(3, turn);
                assertEquals(1, statement.executeUpdate());
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE conversations SET updated_at = ? WHERE id = ? AND NOT EXISTS (SELECT 1 FROM "
                            + "conversation_turns WHERE conversation_id = ? AND created_at > ?)")) {
                statement.setTimestamp(1, java.sql.Timestamp.from(when));
                statement.setObject(2, conversation);
                statement.setObject(3, conversation);
                statement.setTimestamp(4, java.sql.Timestamp.from(when));
                statement.executeUpdate();
            }
        }
    }

    private static JsonPath chat(String conversationId, String question) {
        Map<String, Object> body = new HashMap<>();
        body.put("question", question);
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/chat?debug=true")
                .then().statusCode(200).extract().jsonPath();
    }
}
