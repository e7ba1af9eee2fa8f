package dev.healthrag.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Connections from the pool, with failures translated into the two exceptions callers act on. */
@ApplicationScoped
public class Database {

    private final AgroalDataSource dataSource;

    public Database(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public <T> T read(Work<T> work) {
        try (Connection connection = connect()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Runs the work in one transaction: all of it lands or none of it does. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = connect()) {
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

    private Connection connect() {
        try {
            return dataSource.getConnection();
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
