package dev.healthrag.store;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes articles and their chunks; every article is replaced as a whole, in one transaction. */
@ApplicationScoped
public class ArticleStore {

    private static final String UPSERT_ARTICLE = """
            INSERT INTO articles (id, title, url, source_path, format, author, published, category, source,
                                  tags, also_called, content_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, url = excluded.url,
                source_path = excluded.source_path, format = excluded.format, author = excluded.author,
                published = excluded.published, category = excluded.category, source = excluded.source,
                tags = excluded.tags, also_called = excluded.also_called,
                content_hash = excluded.content_hash, updated_at = now()
            """;
    private static final String INSERT_CHUNK = """
            INSERT INTO chunks (id, article_id, position, heading, text, token_count, lexical_title, embedding)
            VALUES (?, ?, ?, ?, ?, ?, ?, """ + SqlVector.PARAMETER + ")";

    // The lexicon counts articles per word; it is kept in step inside the same transaction that changes an
    // article, so it never needs a full recount (which at 100k chunks costs more than the change itself).
    private static final String ARTICLE_WORDS = "SELECT DISTINCT w FROM chunks c, " + Lexicon.CHUNK_WORDS
            + " WHERE c.article_id = ANY (?) AND " + Lexicon.COUNTED_WORD;
    private static final String UNCOUNT_WORDS = "UPDATE lexicon l SET articles = l.articles - gone.n FROM ("
            + ARTICLE_WORDS.replace("SELECT DISTINCT w", "SELECT w, count(DISTINCT c.article_id) AS n")
            + " GROUP BY w) gone WHERE l.word = gone.w";
    private static final String COUNT_WORDS = "INSERT INTO lexicon (word, articles) "
            + ARTICLE_WORDS.replace("SELECT DISTINCT w", "SELECT w, count(DISTINCT c.article_id)") + " GROUP BY w"
            + " ON CONFLICT (word) DO UPDATE SET articles = lexicon.articles + excluded.articles";

    private static final String INSERT_POSTINGS = """
            INSERT INTO postings (lexeme, chunk_id, score)
            SELECT p.lexeme, c.id, p.score FROM chunks c, bm25_postings(c.search_text) p WHERE c.article_id = ?""";

    private final Database database;

    public ArticleStore(Database database) {
        this.database = database;
    }

    /** Hash and file of every stored article, by id: what lets a re-run skip unchanged files and prune. */
    public Map<String, ArticleState> states() {
        return database.read(connection -> {
            Map<String, ArticleState> states = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, content_hash, source_path, abbreviations_version FROM articles");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    states.put(rows.getString(1),
                            new ArticleState(rows.getString(2), rows.getString(3), rows.getInt(4)));
                }
            }
            return states;
        });
    }

    /**
     * The stored vectors of an article's chunks, by the title, heading and text each was embedded from: a re-run
     * that cuts the article again embeds only the chunks whose text changed.
     */
    public List<EmbeddedChunk> embeddedChunks(String articleId) {
        return database.read(connection -> {
            List<EmbeddedChunk> chunks = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT a.title, c.heading, c.text, c.embedding::real[] FROM chunks c
                    JOIN articles a ON a.id = c.article_id WHERE c.article_id = ?""")) {
                statement.setString(1, articleId);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Float[] boxed = (Float[]) rows.getArray(4).getArray();
                        float[] vector = new float[boxed.length];
                        for (int i = 0; i < boxed.length; i++) {
                            vector[i] = boxed[i];
                        }
                        chunks.add(new EmbeddedChunk(rows.getString(1), rows.getString(2), rows.getString(3), vector));
                    }
                }
            }
            return chunks;
        });
    }

    /** A stored chunk's vector and what it was embedded from. */
    public record EmbeddedChunk(String title, String heading, String text, float[] vector) {
    }

    /**
     * @param abbreviationsVersion the extractor version the article's abbreviations were made with (0: none yet)
     */
    public record ArticleState(String contentHash, String sourcePath, int abbreviationsVersion) {
    }

    /**
     * Replaces an article and everything derived from it in one transaction. The article's row is written first:
     * its lock makes a concurrent replace or delete of the same article wait, so postings are never deleted for
     * one version of its chunks while another version is being written.
     */
    public void replace(StoredArticle article, List<StoredChunk> chunks) {
        replace(article, chunks, new Abbreviations(List.of(), 0));
    }

    /** The abbreviations an article defines, and the version of the extractor that found them. */
    public record Abbreviations(List<Abbreviation> pairs, int version) {

        public Abbreviations {
            pairs = List.copyOf(pairs);
        }
    }

    /** {@link #replace(StoredArticle, List)}, and the article's abbreviations with it. */
    public void replace(StoredArticle article, List<StoredChunk> chunks, Abbreviations abbreviations) {
        database.inTransaction(connection -> {
            String[] ids = {article.id()};
            // Not waiting for the WAL flush of every article roughly halves write time; a crash can only lose
            // the last few commits, each whole, and the next run re-ingests them since their hashes are missing.
            try (PreparedStatement async = connection.prepareStatement("SET LOCAL synchronous_commit = off")) {
                async.execute();
            }
            upsertArticle(connection, article);
            updateLexicon(connection, UNCOUNT_WORDS, ids);
            deletePostings(connection, ids);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM chunks WHERE article_id = ?")) {
                delete.setString(1, article.id());
                delete.executeUpdate();
            }
            replaceNames(connection, article);
            writeAbbreviations(connection, article.id(), abbreviations);
            insertChunks(connection, article, chunks);
            try (PreparedStatement postings = connection.prepareStatement(INSERT_POSTINGS)) {
                postings.setString(1, article.id());
                postings.executeUpdate();
            }
            updateLexicon(connection, COUNT_WORDS, ids);
            return null;
        });
    }

    /**
     * Replaces only the abbreviations of a stored article whose content is unchanged (an ingest after the
     * extractor changed): no chunk is touched, nothing is embedded. An article no longer stored is left alone.
     */
    public void replaceAbbreviations(String articleId, Abbreviations abbreviations) {
        database.inTransaction(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM articles WHERE id = ? FOR UPDATE")) {
                lock.setString(1, articleId);
                try (ResultSet rows = lock.executeQuery()) {
                    if (!rows.next()) {
                        return null;
                    }
                }
            }
            writeAbbreviations(connection, articleId, abbreviations);
            return null;
        });
    }

    private static void writeAbbreviations(Connection connection, String articleId, Abbreviations abbreviations)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM article_abbreviations WHERE article_id = ?");
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO article_abbreviations (article_id, short_key, short_form, long_key, long_form)
                     VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""");
             PreparedStatement version = connection.prepareStatement(
                     "UPDATE articles SET abbreviations_version = ? WHERE id = ?")) {
            delete.setString(1, articleId);
            delete.executeUpdate();
            boolean any = false;
            for (Abbreviation pair : abbreviations.pairs()) {
                String shortKey = Abbreviation.key(pair.shortForm());
                String longKey = NameText.normalize(pair.longForm());
                if (!shortKey.isEmpty() && !longKey.isEmpty()) {
                    insert.setString(1, articleId);
                    insert.setString(2, shortKey);
                    insert.setString(3, pair.shortForm());
                    insert.setString(4, longKey);
                    insert.setString(5, pair.longForm());
                    insert.addBatch();
                    any = true;
                }
            }
            if (any) {
                insert.executeBatch();
            }
            version.setInt(1, abbreviations.version());
            version.setString(2, articleId);
            version.executeUpdate();
        }
    }

    public int delete(Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return 0;
        }
        return database.inTransaction(connection -> {
            String[] ids = articleIds.toArray(String[]::new);
            // Locked in id order, so two deletes of overlapping sets cannot deadlock; see replace().
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT id FROM articles WHERE id = ANY (?) ORDER BY id FOR UPDATE")) {
                lock.setArray(1, connection.createArrayOf("text", ids));
                lock.executeQuery().close();
            }
            updateLexicon(connection, UNCOUNT_WORDS, ids);
            deletePostings(connection, ids);
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM articles WHERE id = ANY (?)")) {
                statement.setArray(1, connection.createArrayOf("text", ids));
                return statement.executeUpdate();
            }
        });
    }

    /** Postings have no foreign key (V8): an article's chunks take their postings with them only through this. */
    private static void deletePostings(Connection connection, String[] articleIds) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM postings WHERE chunk_id IN (SELECT id FROM chunks WHERE article_id = ANY (?))")) {
            delete.setArray(1, connection.createArrayOf("text", articleIds));
            delete.executeUpdate();
        }
    }

    public void deleteAll() {
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("TRUNCATE postings, chunks, article_names, article_abbreviations, articles, index_info, lexicon")) {
                statement.executeUpdate();
            }
            return null;
        });
    }

    public IndexCounts counts() {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM chunks)");
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new IndexCounts(rows.getLong(1), rows.getLong(2));
            }
        });
    }

    public Optional<IndexInfo> indexInfo() {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT embedding_model, dimension FROM index_info");
                 ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new IndexInfo(rows.getString(1), rows.getInt(2))) : Optional.empty();
            }
        });
    }

    public void recordIndexInfo(IndexInfo info) {
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO index_info (embedding_model, dimension) VALUES (?, ?)
                    ON CONFLICT (singleton) DO UPDATE SET embedding_model = excluded.embedding_model,
                        dimension = excluded.dimension, updated_at = now()
                    """)) {
                statement.setString(1, info.embeddingModel());
                statement.setInt(2, info.dimension());
                statement.executeUpdate();
            }
            return null;
        });
    }

    private static void updateLexicon(Connection connection, String sql, String[] articleIds) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", articleIds));
            statement.executeUpdate();
        }
    }

    private static void replaceNames(Connection connection, StoredArticle article) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM article_names WHERE article_id = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO article_names (name, article_id, words) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            delete.setString(1, article.id());
            delete.executeUpdate();
            for (String name : article.names()) {
                for (String normalized : NameText.variants(name)) {
                    if (!normalized.isEmpty()) {
                        insert.setString(1, normalized);
                        insert.setString(2, article.id());
                        insert.setInt(3, NameText.words(normalized));
                        insert.addBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }

    private static void upsertArticle(Connection connection, StoredArticle article) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_ARTICLE)) {
            statement.setString(1, article.id());
            statement.setString(2, article.title());
            statement.setString(3, article.url());
            statement.setString(4, article.sourcePath());
            statement.setString(5, article.format());
            statement.setString(6, article.author());
            statement.setDate(7, article.published() == null ? null : Date.valueOf(article.published()));
            statement.setString(8, article.category());
            statement.setString(9, article.source());
            statement.setArray(10, connection.createArrayOf("text", article.tags().toArray()));
            statement.setArray(11, connection.createArrayOf("text", article.alsoCalled().toArray()));
            statement.setString(12, article.contentHash());
            statement.executeUpdate();
        }
    }

    private static void insertChunks(Connection connection, StoredArticle article, List<StoredChunk> chunks)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_CHUNK)) {
            for (StoredChunk chunk : chunks) {
                statement.setString(1, article.id() + "#" + chunk.position());
                statement.setString(2, article.id());
                statement.setInt(3, chunk.position());
                statement.setString(4, chunk.heading());
                statement.setString(5, chunk.text());
                statement.setInt(6, chunk.tokenCount());
                statement.setString(7, article.lexicalTitle());
                SqlVector.bind(statement, 8, chunk.embedding());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
