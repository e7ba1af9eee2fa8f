package dev.healthrag.store;

import dev.healthrag.TestArticles;
import dev.healthrag.ingest.Ingestor;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the replica datasource configured, searches read through it and nothing else does. There is no real
 * streaming replica in tests, so the replica points at the test database itself: what is checked is the
 * routing (which pool, which server-side session), and that replica connections cannot write.
 */
@QuarkusTest
@TestProfile(ReadReplicaTest.WithReplica.class)
class ReadReplicaTest {

    /** The replica is the primary's database under another pool, with pool metrics on to count acquisitions. */
    public static class WithReplica implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.\"replica\".jdbc.url", "${quarkus.datasource.jdbc.url}",
                    "quarkus.datasource.jdbc.metrics.enabled", "true",
                    "quarkus.datasource.\"replica\".jdbc.metrics.enabled", "true");
        }
    }

    @Inject
    Ingestor ingestor;

    @Inject
    Database database;

    @Inject
    AgroalDataSource primary;

    @Inject
    @DataSource(Database.REPLICA)
    AgroalDataSource replica;

    @BeforeEach
    void givenTheFixtureArticlesAreIndexed() {
        // The ingest reads its stored state and writes on the primary, whatever the replica says.
        TestArticles.ingest(ingestor);
    }

    @Test
    void searchesAcquireReplicaConnectionsAndNoPrimaryOnes() {
        assertTrue(database.searchesOnReplica());
        long primaryBefore = primary.getMetrics().acquireCount();
        // The ingest before this test used the primary: the counts are live, so an unchanged one means something.
        assertTrue(primaryBefore > 0, "pool metrics are off");
        long replicaBefore = replica.getMetrics().acquireCount();

        for (String q : new String[] {"ankle sprain swelling ice", "mussle twiching aftr workouts", "night leg cramps"}) {
            given().queryParam("q", q).get("/api/search").then().statusCode(200).body("results.size()",
                    org.hamcrest.Matchers.greaterThan(0));
        }

        assertEquals(primaryBefore, primary.getMetrics().acquireCount(), "a search acquired a primary connection");
        // Each search reads the word counts, runs its batch of searches and reads the chosen chunks' texts.
        long replicaAcquired = replica.getMetrics().acquireCount() - replicaBefore;
        assertTrue(replicaAcquired >= 3 * 3, "replica connections acquired: " + replicaAcquired);
    }

    @Test
    void theServerSeesTheSearchesOnTheReplicaPoolsSessions() throws SQLException {
        given().queryParam("q", "night leg cramps").queryParam("mode", "dense").get("/api/search").then()
                .statusCode(200).body("results[0].articleId", equalTo("leg-cramps-at-night"));
        // pg_stat_activity keeps each session's last statement: the replica pool's sessions ran the searches.
        try (Connection connection = primary.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT count(*) FILTER (WHERE query LIKE '%FROM chunks%'), count(*) FROM pg_stat_activity
                     WHERE datname = current_database() AND application_name = 'healthrag-search'""");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            assertTrue(rows.getInt(1) > 0, "no healthrag-search session last ran a chunk search; sessions: "
                    + rows.getInt(2));
        }
    }

    @Test
    void replicaConnectionsAreReadOnly() throws SQLException {
        try (Connection connection = replica.getConnection(); Statement statement = connection.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("UPDATE corpus_size SET articles = articles"));
            assertEquals("25006", refused.getSQLState(), refused.getMessage());
        }
    }

    @Test
    void readinessCoversTheReplica() {
        // Searches read from the replica, so readiness asks it too (the datasource's own check is off: it names hosts).
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'article-index' }.data.replica", equalTo("UP"));
    }
}
