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
        String state = e.getSQLState();
        boolean connectionLost = e instanceof SQLTransientConnectionException || (state != null && state.startsWith("08"));
        return connectionLost ? unavailable(e) : new StoreException("Database error: " + e.getMessage(), e);
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
