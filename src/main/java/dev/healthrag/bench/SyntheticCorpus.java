package dev.healthrag.bench;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.ingest.Article;
import dev.healthrag.ingest.ArticleParser;
import dev.healthrag.ingest.ArticleSplitter;
import dev.healthrag.ingest.ChunkDraft;
import dev.healthrag.ingest.InvalidArticleException;
import dev.healthrag.store.ArticleStore;
import dev.healthrag.store.Database;
import dev.healthrag.store.IndexInfo;
import dev.healthrag.store.Lexicon;
import dev.healthrag.store.NameText;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Builds a corpus of N chunks for load and recall measurements without embedding N passages (hours on
 * two cores): real chunks of the sample articles are embedded once, and every synthetic chunk is a
 * mixture of two real vectors plus noise, with text drawn from the real sentences of its base article,
 * so both the vector index and full-text search see realistic, clustered data.
 */
@ApplicationScoped
public class SyntheticCorpus {

    static final int CHUNKS_PER_ARTICLE = 5;
    /**
     * Per-dimension Gaussian noise, set so that at MedQuAD's size (12,849 chunks) the median cosine similarity
     * of a chunk to its nearest neighbour is 0.89, as on the real MedQuAD index (0.897; 0.845 at p10, 0.949 at
     * p90). The earlier 0.04 gave 0.64: a cloud of near-equidistant points that no real corpus resembles and
     * on which nearest-neighbour search is needlessly hard.
     */
    private static final double NOISE = 0.017;

    private final Database database;
    private final Embedder embedder;
    private final Lexicon lexicon;
    private final ArticleStore store;
    private final ArticleSplitter splitter;

    public SyntheticCorpus(Database database, Embedder embedder, Lexicon lexicon, ArticleStore store,
                           HealthRagConfig config) {
        this.splitter = new ArticleSplitter(config.chunking().minTokens(), config.chunking().maxTokens(),
                config.chunking().overlapTokens());
        this.database = database;
        this.embedder = embedder;
        this.lexicon = lexicon;
        this.store = store;
    }

    record Base(String title, String heading, List<String> sentences, float[] vector) {
    }

    public long syntheticChunks() {
        return count("SELECT count(*) FROM chunks WHERE article_id LIKE 'syn-%'");
    }

    /** All chunks of the index, synthetic or real. */
    public long chunks() {
        return count("SELECT count(*) FROM chunks");
    }

    private long count(String sql) {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** Replaces the whole index with {@code size} synthetic chunks; returns the real base chunks used. */
    public List<Base> generate(Path sourceDir, int size, long seed) {
        List<Base> bases = bases(sourceDir);
        Random random = new Random(seed);
        store.deleteAll();
        database.inTransaction(connection -> {
            // Rebuilt below exactly as the migrations define it, so the bench measures the service's own index.
            String hnswIndex;
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT indexdef FROM pg_indexes WHERE indexname = 'chunks_embedding_hnsw_idx'")) {
                if (!rows.next()) {
                    throw new IllegalStateException("The HNSW index chunks_embedding_hnsw_idx is missing; run the migrations");
                }
                hnswIndex = rows.getString(1);
                statement.execute("DROP INDEX chunks_embedding_hnsw_idx");
            }
            copy(connection, bases, size, random);
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        INSERT INTO postings (lexeme, chunk_id, score)
                        SELECT p.lexeme, c.id, p.score FROM chunks c, bm25_postings(c.search_text) p""");
                // Building the graph once after loading is far faster than growing it row by row.
                statement.execute("SET LOCAL maintenance_work_mem = '1GB'");
                statement.execute("SET LOCAL max_parallel_maintenance_workers = 1");
                statement.execute(hnswIndex);
            }
            return null;
        });
        lexicon.rebuild();
        database.read(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE articles");
                statement.execute("ANALYZE chunks");
                statement.execute("ANALYZE lexicon");
            }
            return null;
        });
        store.recordIndexInfo(new IndexInfo(embedder.choice().configName(), embedder.choice().dimension()));
        return bases;
    }

    /** The texts the ingest would embed for the articles in {@code dir}. */
    public List<String> embeddingTexts(Path dir) {
        return articles(dir).stream().flatMap(article -> splitter.split(article).stream())
                .map(ChunkDraft::embeddingText).toList();
    }

    public List<String> articleIds(Path dir) {
        return articles(dir).stream().map(Article::id).toList();
    }

    private List<Article> articles(Path dir) {
        ArticleParser parser = new ArticleParser();
        List<Article> articles = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(ArticleParser::isSupported).sorted().toList()) {
                articles.add(parser.parse(file, file.getFileName().toString().replaceFirst("\\.[^.]+$", "")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidArticleException e) {
            throw new IllegalStateException("A base article does not parse: " + e.getMessage(), e);
        }
        return articles;
    }

    List<Base> bases(Path sourceDir) {
        List<Base> drafts = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Article article : articles(sourceDir)) {
            for (ChunkDraft chunk : splitter.split(article)) {
                drafts.add(new Base(article.title(), chunk.heading(), List.of(chunk.text().split("(?<=[.!?])\\s+")), null));
                texts.add(chunk.embeddingText());
            }
        }
        List<float[]> vectors = embedder.embedPassages(texts);
        List<Base> bases = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Base draft = drafts.get(i);
            bases.add(new Base(draft.title(), draft.heading(), draft.sentences(), vectors.get(i)));
        }
        return bases;
    }

    private static void copy(Connection connection, List<Base> bases, int size, Random random) throws SQLException {
        var copier = connection.unwrap(PGConnection.class).getCopyAPI();
        int articles = (size + CHUNKS_PER_ARTICLE - 1) / CHUNKS_PER_ARTICLE;
        CopyIn articleCopy = copier.copyIn("COPY articles (id, title, url, source_path, format, content_hash) FROM STDIN");
        List<String> titles = new ArrayList<>(articles);
        for (int a = 0; a < articles; a++) {
            titles.add(bases.get(a % bases.size()).title() + " (" + a + ")");
            write(articleCopy, row("syn-" + a, titles.get(a), "https://example.org/syn/" + a,
                    "synthetic", "synthetic", "synthetic"));
        }
        articleCopy.endCopy();
        // Named exactly as the ingest names articles (NameText), so name look-ups cost what they cost in service.
        CopyIn nameCopy = copier.copyIn("COPY article_names (name, article_id, words) FROM STDIN");
        for (int a = 0; a < articles; a++) {
            String name = NameText.normalize(titles.get(a));
            write(nameCopy, row(name, "syn-" + a, String.valueOf(NameText.words(name))));
        }
        nameCopy.endCopy();
        CopyIn chunkCopy = copier.copyIn(
                "COPY chunks (id, article_id, position, heading, text, token_count, lexical_title, embedding) FROM STDIN");
        for (int c = 0; c < size; c++) {
            int article = c / CHUNKS_PER_ARTICLE;
            Base base = bases.get((article + c) % bases.size());
            String text = sentences(base, random);
            write(chunkCopy, row("syn-" + article + "#" + (c % CHUNKS_PER_ARTICLE), "syn-" + article,
                    String.valueOf(c % CHUNKS_PER_ARTICLE), base.heading(), text,
                    String.valueOf(text.split("\\s+").length * 13 / 10), bases.get(article % bases.size()).title(),
                    vectorLiteral(blend(base, bases, random))));
        }
        chunkCopy.endCopy();
    }

    private static String sentences(Base base, Random random) {
        StringBuilder text = new StringBuilder();
        int count = Math.min(base.sentences().size(), 3 + random.nextInt(4));
        int start = random.nextInt(Math.max(1, base.sentences().size() - count + 1));
        for (int i = start; i < start + count; i++) {
            text.append(i > start ? " " : "").append(base.sentences().get(i));
        }
        return text.toString();
    }

    /**
     * A point between its base chunk and two random others, with random weights and noise: a continuum of
     * topics rather than tight clusters of near-duplicates, which real corpora do not have and which
     * would make "the exact top 10" an arbitrary pick among equals.
     */
    private static float[] blend(Base base, List<Base> bases, Random random) {
        float[] other = bases.get(random.nextInt(bases.size())).vector();
        float[] third = bases.get(random.nextInt(bases.size())).vector();
        double w1 = 0.5 + 0.5 * random.nextDouble();
        double w2 = (1 - w1) * random.nextDouble();
        float[] v = new float[base.vector().length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (w1 * base.vector()[i] + w2 * other[i] + (1 - w1 - w2) * third[i]);
        }
        return normalizeWithNoise(v, random);
    }

    public static float[] mix(float[] a, float[] b, Random random) {
        float[] v = new float[a.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (0.75 * a[i] + 0.25 * b[i]);
        }
        return normalizeWithNoise(v, random);
    }

    private static float[] normalizeWithNoise(float[] v, Random random) {
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] += (float) (NOISE * random.nextGaussian());
            norm += v[i] * v[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    private static String vectorLiteral(float[] v) {
        StringBuilder literal = new StringBuilder(v.length * 11).append('[');
        for (int i = 0; i < v.length; i++) {
            literal.append(i > 0 ? "," : "").append(v[i]);
        }
        return literal.append(']').toString();
    }

    private static String row(String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            line.append(i > 0 ? "\t" : "").append(fields[i].replace("\\", "\\\\").replace("\t", " ")
                    .replace("\n", "\\n").replace("\r", ""));
        }
        return line.append('\n').toString();
    }

    private static void write(CopyIn copy, String row) throws SQLException {
        byte[] bytes = row.getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
    }
}
