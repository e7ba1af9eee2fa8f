package dev.healthrag.store;

import jakarta.enterprise.context.ApplicationScoped;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import java.sql.SQLException;

/**
 * Runs the Flyway migrations on demand instead of at start-up, so a database that is down gives the
 * service a 503 and the CLI one clear line, rather than a start-up crash with a stack trace.
 */
@ApplicationScoped
public class SchemaMigrator {

    private final Flyway flyway;
    private volatile boolean migrated;

    public SchemaMigrator(Flyway flyway) {
        this.flyway = flyway;
    }

    public void ensureMigrated() {
        if (migrated) {
            return;
        }
        synchronized (this) {
            if (migrated) {
                return;
            }
            try {
                flyway.migrate();
                migrated = true;
            } catch (FlywayException e) {
                SQLException sql = findSql(e);
                if (sql != null) {
                    throw Database.translate(sql);
                }
                throw new StoreException("Schema migration failed: " + e.getMessage(), e);
            }
        }
    }

    private static SQLException findSql(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
