package dev.healthrag.api;

import dev.healthrag.store.ArticleStore;
import dev.healthrag.store.IndexCounts;
import dev.healthrag.store.SchemaMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready means: the database answers and there is something to answer from. */
@Readiness
@ApplicationScoped
public class IndexReadinessCheck implements HealthCheck {

    private final ArticleStore store;
    private final SchemaMigrator migrator;

    public IndexReadinessCheck(ArticleStore store, SchemaMigrator migrator) {
        this.store = store;
        this.migrator = migrator;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            migrator.ensureMigrated();
            IndexCounts counts = store.counts();
            return HealthCheckResponse.named("article-index")
                    .status(counts.articles() > 0)
                    .withData("articles", counts.articles())
                    .withData("chunks", counts.chunks())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("article-index").down().withData("error", e.getMessage()).build();
        }
    }
}
