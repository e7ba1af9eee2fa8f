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

    /** The words {@code w} of chunk {@code c}, as the lexicon counts them (the V2 migration spells out the same). */
    static final String CHUNK_WORDS = "regexp_split_to_table(lower(c.lexical_title || ' ' || c.heading || ' ' || c.text),"
            + " '[^[:alnum:]]+') AS w";
    static final String COUNTED_WORD = "length(w) BETWEEN 2 AND 40";

    private static final String REBUILD = "INSERT INTO lexicon (word, articles) SELECT w, count(DISTINCT c.article_id)"
            + " FROM chunks c, " + CHUNK_WORDS + " WHERE " + COUNTED_WORD + " GROUP BY w";

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

    /** How many articles use each of the words, and how many articles there are: what IDF needs, in one query. */
    public record Counts(Map<String, Integer> articlesByWord, long articleTotal) {
    }

    public Counts articleCounts(Collection<String> words) {
        return database.read(connection -> {
            Map<String, Integer> counts = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT (SELECT articles FROM corpus_size), l.word, l.articles
                    FROM (SELECT 1) one LEFT JOIN lexicon l ON l.word = ANY (?) AND l.articles > 0""")) {
                statement.setArray(1, connection.createArrayOf("text", words.toArray()));
                long total = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        total = rows.getLong(1);
                        if (rows.getString(2) != null) {
                            counts.put(rows.getString(2), rows.getInt(3));
                        }
                    }
                }
                return new Counts(counts, total);
            }
        });
    }

    /** The corpus words nearest to {@code word} by trigram distance, nearest first. */
    public List<Entry> similar(String word, int limit) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT word, articles FROM lexicon WHERE articles > 0 ORDER BY word <-> ? LIMIT ?""")) {
                statement.setString(1, word);
                statement.setInt(2, limit);
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
