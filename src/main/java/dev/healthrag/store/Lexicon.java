package dev.healthrag.store;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;

/** The corpus vocabulary: how many articles use each word, and the nearest known word to a misspelt one. */
@ApplicationScoped
public class Lexicon {

    private static final String REBUILD = """
            INSERT INTO lexicon (word, articles)
            SELECT w, count(DISTINCT c.article_id)
            FROM chunks c, regexp_split_to_table(lower(c.lexical_title || ' ' || c.heading || ' ' || c.text),
                                                 '[^[:alnum:]]+') AS w
            WHERE length(w) BETWEEN 2 AND 40
            GROUP BY w
            """;

    private final Database database;

    public Lexicon(Database database) {
        this.database = database;
    }

    public record Entry(String word, int articles) {
    }

    /** Recounts from scratch: for bulk loads that bypass {@link ArticleStore}. The ingest keeps it in step itself. */
    public void rebuild() {
        database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM lexicon");
                 PreparedStatement insert = connection.prepareStatement(REBUILD)) {
                delete.executeUpdate();
                return insert.executeUpdate();
            }
        });
    }

    public long articleTotal() {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM articles");
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    public Map<String, Integer> articleCounts(Collection<String> words) {
        return database.read(connection -> {
            Map<String, Integer> counts = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT word, articles FROM lexicon WHERE word = ANY (?) AND articles > 0")) {
                statement.setArray(1, connection.createArrayOf("text", words.toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getInt(2));
                    }
                }
            }
            return counts;
        });
    }

    /** Corpus words that share trigrams with {@code word}, most similar first (ties go to the commoner word). */
    public List<Entry> similar(String word, double minSimilarity, int limit) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT word, articles FROM lexicon
                    WHERE word % ? AND similarity(word, ?) >= ? AND articles > 0
                    ORDER BY similarity(word, ?) DESC, articles DESC LIMIT ?""")) {
                statement.setString(1, word);
                statement.setString(2, word);
                statement.setDouble(3, minSimilarity);
                statement.setString(4, word);
                statement.setInt(5, limit);
                List<Entry> entries = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new Entry(rows.getString(1), rows.getInt(2)));
                    }
                }
                return entries;
            }
        });
    }
}
