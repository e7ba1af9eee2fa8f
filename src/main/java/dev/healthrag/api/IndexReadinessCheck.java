package dev.healthrag.api;

import dev.healthrag.store.ArticleStore;
import dev.healthrag.store.Database;
import dev.healthrag.store.IndexCounts;
import dev.healthrag.store.SchemaMigrator;
import dev.healthrag.store.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Ready means: the database answers and there is something to answer from. A database that is down is
 * reported as such without its address; the reason is in the log of the requests that got a 503.
 */
@Readiness
@ApplicationScoped
public class IndexReadinessCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(IndexReadinessCheck.class);

    private final ArticleStore store;
    private final SchemaMigrator migrator;
    private final DatabaseOutage outage;
    private final Database database;

    public IndexReadinessCheck(ArticleStore store, SchemaMigrator migrator, DatabaseOutage outage, Database database) {
        this.store = store;
        this.migrator = migrator;
        this.outage = outage;
        this.database = database;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            migrator.ensureMigrated();
            IndexCounts counts = store.counts();
            outage.observed(true);
            var response = HealthCheckResponse.named("article-index")
                    .status(counts.articles() > 0)
                    .withData("articles", counts.articles())
                    .withData("chunks", counts.chunks());
            if (database.searchesOnReplica()) {
                // Searches read from the replica: if it is down, this instance cannot answer.
                try {
                    database.readForSearch(connection -> connection.createStatement().execute("SELECT 1"));
                    response.withData("replica", "UP");
                } catch (StoreUnavailableException e) {
                    return down("the search replica is unavailable");
                }
            }
            return response.build();
        } catch (StoreUnavailableException e) {
            outage.observed(false);
            return down("the article database is unavailable");
        } catch (RuntimeException e) {
            LOG.warn("Readiness check failed: " + e.getMessage());
            return down("the article index could not be read");
        }
    }

    /** A reason without hosts, ports or driver messages: readiness is often reachable by more than operators. */
    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named("article-index").down().withData("error", reason).build();
    }
}
