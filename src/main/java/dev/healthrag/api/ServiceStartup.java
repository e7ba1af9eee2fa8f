package dev.healthrag.api;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.answer.triage.ExemplarTriage;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.retrieval.FusionWeights;
import dev.healthrag.store.SchemaMigrator;
import dev.healthrag.store.StoreUnavailableException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Prepares the service before the first request: checks the fusion weights, migrates the schema and loads the
 * embedding model.
 * A database that is down is logged in one line, not fatal: requests get 503 until it is back.
 * When serving HTTP, triage's exemplars are embedded in the background, so start-up does not wait for them and
 * a message that arrives first waits only for what is left (batch commands, which serve nothing, skip this).
 */
public class ServiceStartup {

    private static final Logger LOG = Logger.getLogger(ServiceStartup.class);

    void onStart(@Observes StartupEvent event, SchemaMigrator migrator, Embedder embedder, ExemplarTriage triage,
                 DatabaseOutage outage, HealthRagConfig config,
                 @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true") boolean serving) {
        // A mistyped weight fails the start, naming its key, rather than the first search.
        FusionWeights.of(config);
        try {
            migrator.ensureMigrated();
        } catch (StoreUnavailableException e) {
            outage.observed(false);
            LOG.warn("Schema not migrated yet: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Schema not migrated yet: " + e.getMessage());
        }
        embedder.warmUp();
        if (serving) {
            Thread warmUp = new Thread(triage::warmUp, "triage-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
    }
}
