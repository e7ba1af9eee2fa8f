package dev.healthrag.store;

import com.pgvector.PGvector;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/** The two first-stage searches: nearest neighbours on the HNSW index, and full-text on the GIN index. */
@ApplicationScoped
public class ChunkSearch {

    private static final String COLUMNS = """
            SELECT c.id, c.article_id, c.position, c.heading, a.title, a.url""";

    /** Postings read per query term when unfiltered: deep enough that fusion never runs short. */
    private static final int POSTINGS_PER_TERM = 100;

    private final Database database;

    public ChunkSearch(Database database) {
        this.database = database;
    }

    public List<ChunkHit> dense(float[] queryVector, SearchFilter filter, int limit) {
        // Ordering by the selected distance (not by a second copy of it) still walks the HNSW index, and the
        // vector crosses the wire and is parsed once.
        String sql = COLUMNS + ", c.embedding <=> ? AS distance, 0.0 AS lexical_score"
                + " FROM chunks c JOIN articles a ON a.id = c.article_id"
                + where(filter, List.of()) + " ORDER BY distance LIMIT ?";
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, new PGvector(queryVector));
                int next = filter.bind(statement, 2);
                statement.setInt(next, limit);
                return hits(statement);
            }
        });
    }

    /**
     * Full-text search where every term counts by its weight (its rarity in the corpus): a chunk's score is
     * the weighted sum of its BM25 term scores. Unfiltered, each term reads only its best
     * {@value #POSTINGS_PER_TERM} postings from the impact-ordered index, so the cost does not grow with the
     * corpus; with metadata filters, every matching chunk of the filtered articles is ranked instead, so
     * the filter cannot starve the result. Terms become lexemes through PostgreSQL's English configuration,
     * which never raises a syntax error, so user text cannot break the SQL.
     */
    public List<ChunkHit> lexical(List<String> terms, List<Double> weights, float[] queryVector, SearchFilter filter,
                                  int limit) {
        String candidates = filter.conditions().isEmpty()
                ? "CROSS JOIN LATERAL (SELECT chunk_id, score FROM postings WHERE lexeme = terms.lexeme"
                        + " ORDER BY score DESC LIMIT " + POSTINGS_PER_TERM + ") p"
                : "JOIN postings p ON p.lexeme = terms.lexeme JOIN chunks fc ON fc.id = p.chunk_id"
                        + " JOIN articles a ON a.id = fc.article_id AND " + String.join(" AND ", filter.conditions());
        String sql = """
                WITH terms AS MATERIALIZED (
                    SELECT DISTINCT ON (lexeme) lexeme, t.weight
                    FROM unnest(?::text[], ?::float8[]) AS t(term, weight),
                         LATERAL unnest(to_tsvector('english', t.term)) AS lex
                    ORDER BY lexeme, t.weight DESC),
                scored AS (
                    SELECT p.chunk_id, sum(terms.weight * p.score) AS score
                    FROM terms %s
                    GROUP BY p.chunk_id
                    ORDER BY 2 DESC LIMIT ?)
                SELECT c.id, c.article_id, c.position, c.heading, a.title, a.url,
                       c.embedding <=> ? AS distance, s.score
                FROM scored s JOIN chunks c ON c.id = s.chunk_id JOIN articles a ON a.id = c.article_id
                ORDER BY s.score DESC, c.id""".formatted(candidates);
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("text", terms.toArray()));
                statement.setArray(2, connection.createArrayOf("float8", weights.toArray()));
                int next = filter.bind(statement, 3);
                statement.setInt(next++, limit);
                statement.setObject(next, new PGvector(queryVector));
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
                SELECT DISTINCT ON (c.article_id) c.id, c.article_id, c.position, c.heading, a.title, a.url,
                       c.embedding <=> ? AS distance, n.words
                FROM named n JOIN chunks c ON c.article_id = n.article_id JOIN articles a ON a.id = c.article_id"""
                + where(filter, List.of()) + " ORDER BY c.article_id, distance";
        List<ChunkHit> hits = database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("text", phrases.toArray()));
                statement.setObject(2, new PGvector(queryVector));
                filter.bind(statement, 3);
                return hits(statement);
            }
        });
        return hits.stream().sorted(Comparator.comparingDouble(ChunkHit::lexicalScore).reversed()
                .thenComparing(Comparator.comparingDouble(ChunkHit::similarity).reversed())).limit(limit).toList();
    }

    /** The stored text of each of the chunks, by id. */
    public Map<String, String> texts(List<String> chunkIds) {
        return database.read(connection -> {
            Map<String, String> texts = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, text FROM chunks WHERE id = ANY (?)")) {
                statement.setArray(1, connection.createArrayOf("text", chunkIds.toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        texts.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
            return texts;
        });
    }

    /**
     * For each chunk whose section goes on in the next chunk, that next chunk's text: the continuation of
     * a passage the splitter had to cut at its size budget.
     */
    public Map<String, String> continuations(List<String> chunkIds) {
        return database.read(connection -> {
            Map<String, String> next = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT c.id, n.text FROM chunks c
                    JOIN chunks n ON n.article_id = c.article_id AND n.position = c.position + 1 AND n.heading = c.heading
                    WHERE c.id = ANY (?)""")) {
                statement.setArray(1, connection.createArrayOf("text", chunkIds.toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        next.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
            return next;
        });
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
                        rows.getString(5), rows.getString(6), 1 - rows.getDouble(7), rows.getDouble(8)));
            }
        }
        return hits;
    }
}
