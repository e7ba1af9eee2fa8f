package dev.healthrag.store;

import com.pgvector.PGvector;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The two first-stage searches: nearest neighbours on the HNSW index, and full-text on the GIN index. */
@ApplicationScoped
public class ChunkSearch {

    private static final String COLUMNS = """
            SELECT c.id, c.article_id, c.position, c.heading, c.text, a.title, a.url,
                   1 - (c.embedding <=> ?) AS similarity""";

    private final Database database;

    public ChunkSearch(Database database) {
        this.database = database;
    }

    public List<ChunkHit> dense(float[] queryVector, SearchFilter filter, int limit) {
        String sql = COLUMNS + ", 0.0 AS lexical_score FROM chunks c JOIN articles a ON a.id = c.article_id"
                + where(filter, List.of()) + " ORDER BY c.embedding <=> ? LIMIT ?";
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                PGvector vector = new PGvector(queryVector);
                statement.setObject(1, vector);
                int next = filter.bind(statement, 2);
                statement.setObject(next++, vector);
                statement.setInt(next, limit);
                return hits(statement);
            }
        });
    }

    /**
     * Full-text search where every term counts by its weight (its rarity in the corpus): a chunk's score is
     * the weighted sum of ts_rank over the terms it matches. Each term goes through websearch_to_tsquery,
     * which never raises a syntax error, so user text cannot break the SQL.
     */
    public List<ChunkHit> lexical(List<String> terms, List<Double> weights, float[] queryVector, SearchFilter filter,
                                  int limit) {
        String sql = """
                WITH terms AS MATERIALIZED (
                    SELECT websearch_to_tsquery('english', t.term) AS query, t.weight
                    FROM unnest(?::text[], ?::float8[]) AS t(term, weight)),
                scored AS (
                    SELECT c.id, sum(terms.weight * ts_rank(c.search_text, terms.query, 1)) AS score
                    FROM terms JOIN chunks c ON c.search_text @@ terms.query
                    GROUP BY c.id)
                SELECT c.id, c.article_id, c.position, c.heading, c.text, a.title, a.url,
                       1 - (c.embedding <=> ?) AS similarity, s.score
                FROM scored s JOIN chunks c ON c.id = s.id JOIN articles a ON a.id = c.article_id"""
                + where(filter, List.of()) + " ORDER BY s.score DESC, c.id LIMIT ?";
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("text", terms.toArray()));
                statement.setArray(2, connection.createArrayOf("float8", weights.toArray()));
                statement.setObject(3, new PGvector(queryVector));
                int next = filter.bind(statement, 4);
                statement.setInt(next, limit);
                return hits(statement);
            }
        });
    }

    /**
     * Articles called by one of {@code phrases} (normalised word n-grams of the question), each represented
     * by its chunk nearest to the query; articles matched by longer names first ("dengue fever" says more
     * than "fever").
     */
    public List<ChunkHit> byName(List<String> phrases, float[] queryVector, SearchFilter filter, int limit) {
        String sql = """
                WITH named AS MATERIALIZED (
                    SELECT article_id, max(words) AS words FROM article_names WHERE name = ANY (?) GROUP BY article_id)
                SELECT DISTINCT ON (c.article_id) c.id, c.article_id, c.position, c.heading, c.text, a.title, a.url,
                       1 - (c.embedding <=> ?) AS similarity, n.words
                FROM named n JOIN chunks c ON c.article_id = n.article_id JOIN articles a ON a.id = c.article_id"""
                + where(filter, List.of()) + " ORDER BY c.article_id, c.embedding <=> ?";
        List<ChunkHit> hits = database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                PGvector vector = new PGvector(queryVector);
                statement.setArray(1, connection.createArrayOf("text", phrases.toArray()));
                statement.setObject(2, vector);
                int next = filter.bind(statement, 3);
                statement.setObject(next, vector);
                return hits(statement);
            }
        });
        return hits.stream().sorted(Comparator.comparingDouble(ChunkHit::lexicalScore).reversed()
                .thenComparing(Comparator.comparingDouble(ChunkHit::similarity).reversed())).limit(limit).toList();
    }

    private static String where(SearchFilter filter, List<String> extra) {
        List<String> conditions = new ArrayList<>(extra);
        conditions.addAll(filter.conditions());
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static List<ChunkHit> hits(PreparedStatement statement) throws SQLException {
        List<ChunkHit> hits = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                hits.add(new ChunkHit(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getString(4),
                        rows.getString(5), rows.getString(6), rows.getString(7), rows.getDouble(8), rows.getDouble(9)));
            }
        }
        return hits;
    }
}
