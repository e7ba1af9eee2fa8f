package dev.healthrag.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Connections from the pools, with failures translated into the two exceptions callers act on. Everything runs
 * on the primary (the default datasource) except {@link #readForSearch}, which runs on the read replica when
 * one is configured ({@value #REPLICA}: active only when {@code quarkus.datasource."replica".jdbc.url} is set).
 */
@ApplicationScoped
public class Database {

    /** Name of the optional read-only datasource that searches read from. */
    public static final String REPLICA = "replica";

    private static final Logger LOG = Logger.getLogger(Database.class);

    private final AgroalDataSource dataSource;
    private final AgroalDataSource searchDataSource;

    @Inject
    public Database(AgroalDataSource dataSource, @DataSource(REPLICA) InjectableInstance<AgroalDataSource> replica) {
        this.dataSource = dataSource;
        // An inactive datasource (no URL) must not be resolved: that would throw; listActive() skips it.
        this.searchDataSource = replica.listActive().stream().findFirst().orElse(dataSource);
        if (searchesOnReplica()) {
            LOG.info("Searches read from the replica datasource; writes and ingest state stay on the primary");
        }
    }

    /** One database for everything, no replica: for a process that runs without the container (a child ingest). */
    public Database(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.searchDataSource = dataSource;
    }

    /** Whether {@link #readForSearch} goes to the replica datasource rather than the primary. */
    public boolean searchesOnReplica() {
        return searchDataSource != dataSource;
    }

    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Reads on the primary: what it returns is the latest committed state. */
    public <T> T read(Work<T> work) {
        return read(dataSource, work);
    }

    /**
     * Reads for answering a search, on the replica when one is configured, else on the primary. A replica
     * may lag the primary (its replay lag), so what this returns can miss the latest commits: use it only
     * for reads whose staleness a user tolerates (the searches and the vocabulary they use), never for
     * what decides a write (the ingest's stored state). The replica's connections are read-only.
     */
    public <T> T readForSearch(Work<T> work) {
        return read(searchDataSource, work);
    }

    private static <T> T read(AgroalDataSource pool, Work<T> work) {
        try (Connection connection = connect(pool)) {
            return work.run(connection);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Runs the work in one transaction: all of it lands or none of it does. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = connect(dataSource)) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private static Connection connect(AgroalDataSource pool) {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    static RuntimeException translate(SQLException e) {
        return meansUnavailable(e.getSQLState()) || e instanceof SQLTransientConnectionException
                ? unavailable(e) : new StoreException("Database error: " + e.getMessage(), e);
    }

    /**
     * SQLSTATEs that mean "the database is not there right now", not "this statement is wrong": class 08
     * (connection exception), 57P01-57P03 (admin shutdown, crash shutdown, cannot connect now: what a restart
     * gives every pooled connection it closes, and new ones while it starts), 53300 (too many connections).
     */
    static boolean meansUnavailable(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("53300"));
    }

    private static StoreUnavailableException unavailable(SQLException e) {
        return new StoreUnavailableException("The database is unavailable (" + rootMessage(e)
                + "). Check that PostgreSQL is running (./healthrag setup) and QUARKUS_DATASOURCE_JDBC_URL.", e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
