package dev.healthrag.store;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The corpus vocabulary: how many articles use each word (for IDF and for spelling correction). */
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

    /**
     * What IDF needs about a question's words: how many articles use each, how many articles there are; and the
     * version of the vocabulary, which changes whenever the lexicon does, and that of the stored chunks, which changes
     * whenever a chunk does (so a copy held in memory knows it is stale).
     */
    public record Lookup(Map<String, Integer> articlesByWord, long articleTotal, long vocabularyVersion,
                         long chunksVersion) {
    }

    /** Read where searches read (the replica, if any): only questions use it. */
    public Lookup lookUp(Collection<String> words) {
        return database.readForSearch(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT s.articles, s.vocabulary_version, s.chunks_version, l.word, l.articles
                    FROM corpus_size s LEFT JOIN lexicon l ON l.word = ANY (?) AND l.articles > 0""")) {
                statement.setArray(1, connection.createArrayOf("text", words.toArray()));
                Map<String, Integer> counts = new HashMap<>();
                long total = 0;
                long version = 0;
                long chunksVersion = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        total = rows.getLong(1);
                        version = rows.getLong(2);
                        chunksVersion = rows.getLong(3);
                        if (rows.getString(4) != null) {
                            counts.put(rows.getString(4), rows.getInt(5));
                        }
                    }
                }
                return new Lookup(counts, total, version, chunksVersion);
            }
        });
    }

    /** Every word in use, with its version: one statement, so the two agree. */
    public record Vocabulary(long version, List<Entry> words) {
    }

    /**
     * Read where searches read, like {@link #lookUp}: the version a question looked up and the words loaded for
     * it then come from the same server, so a lagging replica cannot pair one version with another's words.
     */
    public Vocabulary vocabulary() {
        return database.readForSearch(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT s.vocabulary_version, l.word, l.articles
                    FROM corpus_size s LEFT JOIN lexicon l ON l.articles > 0""");
                 ResultSet rows = statement.executeQuery()) {
                List<Entry> words = new ArrayList<>();
                long version = 0;
                while (rows.next()) {
                    version = rows.getLong(1);
                    if (rows.getString(2) != null) {
                        words.add(new Entry(rows.getString(2), rows.getInt(3)));
                    }
                }
                return new Vocabulary(version, words);
            }
        });
    }
}
