package dev.healthrag.ingest;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.store.ArticleStore;
import dev.healthrag.store.Database;
import dev.healthrag.store.SchemaMigrator;
import io.agroal.api.AgroalDataSource;
import org.flywaydb.core.Flyway;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;

/**
 * {@code java -cp <test class path> dev.healthrag.ingest.ChildIngest JDBC_URL USER PASSWORD DIR}: the real
 * Ingestor, store and embedding model, wired by hand without Quarkus, so a test can run an ingest in a JVM of
 * its own and kill it with SIGKILL. Connections are opened per use (no pool): the ingest writes from one
 * thread at a time, and a pool would only add a dependency on how Quarkus configures it.
 */
public final class ChildIngest {

    private ChildIngest() {
    }

    public static void main(String[] args) {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        AgroalDataSource dataSource = (AgroalDataSource) Proxy.newProxyInstance(ChildIngest.class.getClassLoader(),
                new Class<?>[] {AgroalDataSource.class}, (self, method, methodArgs) -> switch (method.getName()) {
                    case "getConnection" -> DriverManager.getConnection(url, user, password);
                    case "close" -> null;
                    case "toString" -> "ChildIngest(" + url + ")";
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == methodArgs[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        HealthRagConfig config = DefaultConfig.of(Map.of("disclaimer", "-", "retrieval.ef-search", "100"));
        ArticleStore store = new ArticleStore(new Database(dataSource));
        SchemaMigrator migrator = new SchemaMigrator(Flyway.configure().dataSource(url, user, password).load());
        Ingestor ingestor = new Ingestor(store, migrator, new Embedder(config), config);
        IngestReport report = ingestor.ingest(Path.of(args[3]), IngestOptions.DEFAULT, System.out);
        System.out.println("Done: " + report.summary());
    }
}
