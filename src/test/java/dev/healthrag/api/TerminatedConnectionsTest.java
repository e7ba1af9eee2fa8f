package dev.healthrag.api;

import dev.healthrag.TestArticles;
import dev.healthrag.ingest.Ingestor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a PostgreSQL restart does to the pool: every pooled connection is closed by the server (SQLSTATE 57P01,
 * admin shutdown). A request on such a connection must get 503 with Retry-After or succeed on a fresh one,
 * never a 500; the pool then recovers by itself.
 */
@QuarkusTest
class TerminatedConnectionsTest {

    @Inject
    Ingestor ingestor;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @Test
    void requestsOnConnectionsTheServerClosedGet503OrAnAnswerThenRecover() throws SQLException {
        TestArticles.ingest(ingestor);
        given().queryParam("q", "ankle sprain").get("/api/search").then().statusCode(200);

        terminateThePoolsBackends();

        for (int i = 0; i < 20; i++) {
            Response response = given().queryParam("q", "ankle sprain").get("/api/search");
            int status = response.statusCode();
            assertTrue(status == 200 || status == 503, "request " + i + ": " + status + " " + response.asString());
            if (status == 503) {
                assertTrue(response.header("Retry-After") != null, "a 503 says when to retry");
            }
        }
        assertEquals(200, given().queryParam("q", "ankle sprain").get("/api/search").statusCode());
    }

    private void terminateThePoolsBackends() throws SQLException {
        try (Connection admin = DriverManager.getConnection(url, "healthrag", "healthrag");
             Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
        }
    }
}
