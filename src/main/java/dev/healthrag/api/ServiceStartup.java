package dev.healthrag.api;

import dev.healthrag.embedding.Embedder;
import dev.healthrag.store.SchemaMigrator;
import dev.healthrag.store.StoreUnavailableException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Prepares the service before the first request: migrates the schema and loads the embedding model.
 * A database that is down is logged in one line, not fatal: requests get 503 until it is back.
 */
public class ServiceStartup {

    private static final Logger LOG = Logger.getLogger(ServiceStartup.class);

    void onStart(@Observes StartupEvent event, SchemaMigrator migrator, Embedder embedder, DatabaseOutage outage) {
        try {
            migrator.ensureMigrated();
        } catch (StoreUnavailableException e) {
            outage.observed(false);
            LOG.warn("Schema not migrated yet: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Schema not migrated yet: " + e.getMessage());
        }
        embedder.warmUp();
    }
}
