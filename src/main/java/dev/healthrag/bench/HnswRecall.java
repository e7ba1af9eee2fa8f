package dev.healthrag.bench;

import dev.healthrag.store.Database;
import dev.healthrag.store.SqlVector;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Recall@10 of the HNSW index against an exact (sequential) scan, on the same query vectors. */
@ApplicationScoped
public class HnswRecall {

    private static final String NEAREST = "SELECT id FROM chunks ORDER BY embedding <=> " + SqlVector.PARAMETER + " LIMIT 10";

    private final Database database;

    public HnswRecall(Database database) {
        this.database = database;
    }

    /** Recall@10 at each {@code hnsw.ef_search} given (the breadth that trades recall for speed). */
    public Map<Integer, Double> measure(List<float[]> queries, List<Integer> efSearch) {
        Map<Integer, Double> recall = new LinkedHashMap<>();
        for (int ef : efSearch) {
            recall.put(ef, Math.round(measure(queries, ef) * 1000) / 1000.0);
        }
        return recall;
    }

    private double measure(List<float[]> queries, int efSearch) {
        return database.inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL hnsw.ef_search = " + efSearch);
            }
            double sum = 0;
            for (float[] query : queries) {
                Set<String> approximate = nearest(connection, query);
                exact(connection, true);
                Set<String> exact = nearest(connection, query);
                exact(connection, false);
                exact.retainAll(approximate);
                sum += exact.size() / 10.0;
            }
            return sum / queries.size();
        });
    }

    private static void exact(Connection connection, boolean on) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL enable_indexscan = " + (on ? "off" : "on"));
        }
    }

    private static Set<String> nearest(Connection connection, float[] query) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(NEAREST)) {
            SqlVector.bind(statement, 1, query);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }
}
