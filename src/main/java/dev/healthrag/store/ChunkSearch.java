package dev.healthrag.store;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The first-stage searches (nearest neighbours on the HNSW index, weighted full text on the postings, article
 * names), and the texts, titles and URLs of those that survive fusion: the searches read no article row unless a
 * filter asks about articles. A question's searches travel together: {@link #run}
 * sends them as one multi-statement batch, so the service pays one round trip and one pooled connection for
 * all of them rather than one per search. Every read here goes to the read replica when one is configured
 * ({@link Database#readForSearch}).
 */
@ApplicationScoped
public class ChunkSearch {

    private static final String COLUMNS = "SELECT c.id, c.article_id, c.position, c.heading";

    /** Postings read per query term when unfiltered: deep enough that fusion never runs short. */
    private static final int POSTINGS_PER_TERM = 100;

    private final Database database;
    private final ManagedExecutor executor;

    public ChunkSearch(Database database, ManagedExecutor executor) {
        this.database = database;
        this.executor = executor;
    }

    /** One search: its SQL, the binding of its parameters, and what is done with its rows. */
    public record Search(String sql, Binder binder, UnaryOperator<List<ChunkHit>> finish) {
    }

    public interface Binder {
        /** Binds this search's parameters from {@code first} on; returns the next free index. */
        int bind(PreparedStatement statement, int first) throws SQLException;
    }

    /**
     * Runs the searches in one round trip; the hits of each, in the order given. Limits are written into the SQL
     * rather than bound: the driver prepares a repeated statement on the server, and with the row count known
     * PostgreSQL's generic plan costs what a fresh one does, so it stops re-planning each question (a millisecond).
     */
    public List<List<ChunkHit>> run(List<Search> searches) {
        if (searches.isEmpty()) {
            return List.of();
        }
        String sql = searches.stream().map(Search::sql).collect(Collectors.joining(";\n"));
        return database.readForSearch(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int next = 1;
                for (Search search : searches) {
                    next = search.binder().bind(statement, next);
                }
                statement.execute();
                List<List<ChunkHit>> results = new ArrayList<>();
                for (Search search : searches) {
                    try (ResultSet rows = statement.getResultSet()) {
                        results.add(search.finish().apply(hits(rows)));
                    }
                    statement.getMoreResults();
                }
                return results;
            }
        });
    }

    /**
     * {@link #run} of two batches at once, each on a pooled connection of its own: the hits of {@code first}'s
     * searches, then those of {@code second}'s. One backend runs a batch's statements one after another, and a
     * question's HNSW walk costs PostgreSQL about as much as its full-text and name searches together; with a
     * core free (few questions at once), two backends overlap them instead.
     */
    public List<List<ChunkHit>> runConcurrently(List<Search> first, List<Search> second) {
        if (first.isEmpty() || second.isEmpty()) {
            List<Search> all = new ArrayList<>(first);
            all.addAll(second);
            return run(all);
        }
        CompletableFuture<List<List<ChunkHit>>> other = executor.supplyAsync(() -> run(second));
        List<List<ChunkHit>> hits;
        try {
            hits = new ArrayList<>(run(first));
        } catch (RuntimeException e) {
            other.cancel(false);
            throw e;
        }
        try {
            hits.addAll(other.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return hits;
    }

    public static Search dense(float[] queryVector, SearchFilter filter, int limit) {
        // Ordering by the selected distance (not by a second copy of it) still walks the HNSW index, and the
        // vector is sent once.
        String sql = COLUMNS + ", c.embedding <=> " + SqlVector.PARAMETER + " AS distance, 0.0 AS lexical_score"
                + from(filter) + " ORDER BY distance LIMIT " + limit;
        return new Search(sql, (statement, first) -> {
            SqlVector.bind(statement, first, queryVector);
            return filter.bind(statement, first + 1);
        }, UnaryOperator.identity());
    }

    /**
     * The chunks nearest to {@code rankVector}, each with its similarity to {@code queryVector}: a second query's
     * dense search whose hits are judged (by the relevance gate, by extractive answers) against the message itself.
     */
    public static Search dense(float[] queryVector, float[] rankVector, SearchFilter filter, int limit) {
        String sql = COLUMNS + ", c.embedding <=> " + SqlVector.PARAMETER + " AS distance, 0.0 AS lexical_score"
                + from(filter) + " ORDER BY c.embedding <=> " + SqlVector.PARAMETER + " LIMIT " + limit;
        return new Search(sql, (statement, first) -> {
            SqlVector.bind(statement, first, queryVector);
            int next = filter.bind(statement, first + 1);
            SqlVector.bind(statement, next, rankVector);
            return next + 1;
        }, UnaryOperator.identity());
    }

    /**
     * Full-text search where every term counts by its weight (its rarity in the corpus): a chunk's score is
     * the weighted sum of its BM25 term scores. Unfiltered, each term reads only its best
     * {@value #POSTINGS_PER_TERM} postings from the impact-ordered index, so the cost does not grow with the
     * corpus; with metadata filters, every matching chunk of the filtered articles is ranked instead, so
     * the filter cannot starve the result. Terms become lexemes through PostgreSQL's English configuration,
     * which never raises a syntax error, so user text cannot break the SQL.
     */
    public static Search lexical(List<String> terms, List<Double> weights, float[] queryVector, SearchFilter filter,
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
                    ORDER BY 2 DESC LIMIT %d)
                SELECT c.id, c.article_id, c.position, c.heading, c.embedding <=> %s AS distance, s.score
                FROM scored s JOIN chunks c ON c.id = s.chunk_id
                ORDER BY s.score DESC, c.id""".formatted(candidates, limit, SqlVector.PARAMETER);
        return new Search(sql, (statement, first) -> {
            Connection connection = statement.getConnection();
            statement.setArray(first, connection.createArrayOf("text", terms.toArray()));
            statement.setArray(first + 1, connection.createArrayOf("float8", weights.toArray()));
            int next = filter.bind(statement, first + 2);
            SqlVector.bind(statement, next, queryVector);
            return next + 1;
        }, UnaryOperator.identity());
    }

    /**
     * Articles called by one of {@code phrases} (normalised word n-grams of the question), each represented
     * by its chunk nearest to the query; articles matched by longer names first ("dengue fever" says more
     * than "fever").
     */
    public static Search byName(List<String> phrases, float[] queryVector, SearchFilter filter, int limit) {
        String sql = """
                WITH named AS MATERIALIZED (
                    SELECT article_id, max(words) AS words FROM article_names WHERE name = ANY (?) GROUP BY article_id)
                SELECT DISTINCT ON (c.article_id) c.id, c.article_id, c.position, c.heading,
                       c.embedding <=> %s AS distance, n.words
                FROM named n JOIN chunks c ON c.article_id = n.article_id"""
                .formatted(SqlVector.PARAMETER) + joinArticles(filter) + " ORDER BY c.article_id, distance";
        return new Search(sql, (statement, first) -> {
            statement.setArray(first, statement.getConnection().createArrayOf("text", phrases.toArray()));
            SqlVector.bind(statement, first + 1, queryVector);
            return filter.bind(statement, first + 2);
        }, hits -> hits.stream().sorted(Comparator.comparingDouble(ChunkHit::lexicalScore).reversed()
                .thenComparing(Comparator.comparingDouble(ChunkHit::similarity).reversed())).limit(limit).toList());
    }

    /**
     * Every chunk of the given articles with its cosine similarity to the query, from the stored vectors: no
     * embedding, and a few dozen distances read through the (article, position) index.
     */
    public static Search chunksOf(List<String> articleIds, float[] queryVector) {
        String sql = "SELECT c.id, c.article_id, c.position, c.heading, c.embedding <=> "
                + SqlVector.PARAMETER + " AS distance, 0.0 AS lexical_score FROM chunks c WHERE c.article_id = ANY (?)";
        return new Search(sql, (statement, first) -> {
            SqlVector.bind(statement, first, queryVector);
            statement.setArray(first + 1, statement.getConnection().createArrayOf("text", articleIds.toArray()));
            return first + 2;
        }, UnaryOperator.identity());
    }

    /** The stored text of each of the chunks, by id, with its article's title and URL. */
    public Map<String, ChunkSource> sources(List<String> chunkIds) {
        return byId("""
                SELECT c.id, c.text, a.title, a.url FROM chunks c JOIN articles a ON a.id = c.article_id
                WHERE c.id = ANY (?)""", chunkIds,
                rows -> new ChunkSource(rows.getString(2), rows.getString(3), rows.getString(4)));
    }

    /** The stored text of each of the chunks, by id. */
    public Map<String, String> texts(List<String> chunkIds) {
        return textsById("SELECT id, text FROM chunks WHERE id = ANY (?)", chunkIds);
    }

    /**
     * For each chunk whose section goes on in the next chunk, that next chunk's text: the continuation of
     * a passage the splitter had to cut at its size budget.
     */
    public Map<String, String> continuations(List<String> chunkIds) {
        return textsById("""
                SELECT c.id, n.text FROM chunks c
                JOIN chunks n ON n.article_id = c.article_id AND n.position = c.position + 1 AND n.heading = c.heading
                WHERE c.id = ANY (?)""", chunkIds);
    }

    /** Runs {@code sql}, which takes the chunk ids as its one parameter and returns (chunk id, text) rows. */
    private Map<String, String> textsById(String sql, List<String> chunkIds) {
        return byId(sql, chunkIds, rows -> rows.getString(2));
    }

    /** What one row says about its chunk, read from the columns after the first (the chunk id). */
    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Runs {@code sql}, which takes the chunk ids as its one parameter and returns rows that start with the id. */
    private <T> Map<String, T> byId(String sql, List<String> chunkIds, RowReader<T> reader) {
        return database.readForSearch(connection -> {
            Map<String, T> found = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("text", chunkIds.toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.put(rows.getString(1), reader.read(rows));
                    }
                }
            }
            return found;
        });
    }

    /** The chunks, joined to their articles only when the filter has conditions on them. */
    private static String from(SearchFilter filter) {
        return " FROM chunks c" + joinArticles(filter);
    }

    private static String joinArticles(SearchFilter filter) {
        List<String> conditions = filter.conditions();
        return conditions.isEmpty() ? ""
                : " JOIN articles a ON a.id = c.article_id WHERE " + String.join(" AND ", conditions);
    }

    private static List<ChunkHit> hits(ResultSet rows) throws SQLException {
        List<ChunkHit> hits = new ArrayList<>();
        while (rows.next()) {
            hits.add(new ChunkHit(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getString(4),
                    1 - rows.getDouble(5), rows.getDouble(6)));
        }
        return hits;
    }
}
