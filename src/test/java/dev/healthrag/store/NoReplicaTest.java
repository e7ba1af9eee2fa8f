package dev.healthrag.store;

import dev.healthrag.TestArticles;
import dev.healthrag.ingest.Ingestor;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Without a replica URL the replica datasource stays inactive and searches read from the primary. */
@QuarkusTest
class NoReplicaTest {

    @Inject
    Ingestor ingestor;

    @Inject
    Database database;

    @Inject
    @DataSource(Database.REPLICA)
    InjectableInstance<AgroalDataSource> replica;

    @Test
    void theReplicaIsInactiveAndSearchesReadFromThePrimary() {
        TestArticles.ingest(ingestor);
        assertFalse(replica.getHandle().getBean().isActive());
        assertFalse(database.searchesOnReplica());
        given().queryParam("q", "ankle sprain swelling ice").get("/api/search").then().statusCode(200)
                .body("results[0].articleId", equalTo("ankle-sprain"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Database connections health check' }.data.replica", nullValue());
    }
}
