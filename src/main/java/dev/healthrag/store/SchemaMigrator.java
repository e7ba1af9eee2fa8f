package dev.healthrag.store;

import jakarta.enterprise.context.ApplicationScoped;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import java.sql.SQLException;
import java.time.Duration;

/**
 * Runs the Flyway migrations on demand instead of at start-up, so a database that is down gives the
 * service a 503 and the CLI one clear line, rather than a start-up crash with a stack trace.
 * <p>
 * While the database is down, one attempt at a time finds out, and for {@link #RETRY_PAUSE} after a failed
 * attempt every caller gets that failure at once: finding a database gone can take the pool's whole acquisition
 * timeout, and callers queued on the lock would otherwise each wait for an attempt of their own, one after
 * another.
 */
@ApplicationScoped
public class SchemaMigrator {

    /** How long a failed attempt's verdict stands; short, so that a database that is back is found soon. */
    static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final Flyway flyway;
    private volatile boolean migrated;
    private volatile Failure lastFailure;

    private record Failure(StoreUnavailableException error, long atNanos) {
        boolean recent() {
            return System.nanoTime() - atNanos < RETRY_PAUSE.toNanos();
        }
    }

    public SchemaMigrator(Flyway flyway) {
        this.flyway = flyway;
    }

    /** @throws StoreUnavailableException when the database is down (at once, if it was found down just now) */
    public void ensureMigrated() {
        if (migrated) {
            return;
        }
        throwIfRecentlyDown();
        synchronized (this) {
            if (migrated) {
                return;
            }
            throwIfRecentlyDown();
            try {
                flyway.migrate();
                migrated = true;
                lastFailure = null;
            } catch (FlywayException e) {
                SQLException sql = findSql(e);
                RuntimeException error = sql != null ? Database.translate(sql)
                        : new StoreException("Schema migration failed: " + e.getMessage(), e);
                if (error instanceof StoreUnavailableException unavailable) {
                    lastFailure = new Failure(unavailable, System.nanoTime());
                }
                throw error;
            }
        }
    }

    private void throwIfRecentlyDown() {
        Failure failure = lastFailure;
        if (failure != null && failure.recent()) {
            throw new StoreUnavailableException(failure.error().getMessage(), failure.error());
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
