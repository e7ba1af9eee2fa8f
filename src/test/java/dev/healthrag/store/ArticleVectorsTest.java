package dev.healthrag.store;

import dev.healthrag.TestArticles;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.ingest.Ingestor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole-article ranking's vectors, kept in memory, against what the real database stores and computes. */
@QuarkusTest
class ArticleVectorsTest {

    @Inject
    Ingestor ingestor;

    @Inject
    ArticleVectors vectors;

    @Inject
    ChunkSearch search;

    @Inject
    Lexicon lexicon;

    @Inject
    Embedder embedder;

    @Inject
    Database database;

    @Inject
    MeterRegistry registry;

    @Inject
    ManagedExecutor executor;

    @Test
    void givenArticlesComparedOnce_whenAskedForAgain_thenTheSameSimilaritiesAsTheDatabaseComeFromMemory()
            throws InterruptedException {
        TestArticles.ingest(ingestor);
        List<String> articles = articleIds(3);
        float[] question = embedder.embedQuery("why do my calves cramp at night");
        long version = chunksVersion();
        Map<String, Double> computedByDatabase = search.run(List.of(ChunkSearch.chunksOf(articles, question))).get(0)
                .stream().collect(Collectors.toMap(ChunkHit::chunkId, ChunkHit::similarity));

        List<ChunkHit> first = vectors.chunksOf(articles, question, version);
        List<ChunkHit> again = inMemory(articles, question, version);

        assertEquals(computedByDatabase.keySet(), again.stream().map(ChunkHit::chunkId).collect(Collectors.toSet()),
                "every chunk of the articles, none other");
        for (ChunkHit hit : again) {
            assertEquals(computedByDatabase.get(hit.chunkId()), hit.similarity(), 1e-5, hit.chunkId());
        }
        assertEquals(first.size(), again.size());
    }

    @Test
    void givenAStoredVectorChanged_whenAQuestionReadsTheNewVersion_thenItGetsTheNewVector()
            throws InterruptedException {
        TestArticles.ingest(ingestor);
        List<String> articles = articleIds(1);
        float[] question = embedder.embedQuery("what helps a sprained ankle heal");
        String chunkId = search.run(List.of(ChunkSearch.chunksOf(articles, question))).get(0).get(0).chunkId();
        long before = chunksVersion();
        double kept = similarityOf(chunkId, inMemory(articles, question, before));
        float[] original = storedVector(chunkId);
        try {
            setVector(chunkId, embedder.embedQuery("the symptoms of heat stroke"));
            long after = chunksVersion();

            double now = similarityOf(chunkId, vectors.chunksOf(articles, question, after));

            assertTrue(after > before, "writing a chunk moves the version: " + before + " -> " + after);
            double stored = similarityOf(chunkId, search.run(List.of(ChunkSearch.chunksOf(articles, question))).get(0));
            assertEquals(stored, now, 1e-5, "the vector stored now, not the one kept");
            assertNotEquals(kept, now, 1e-3);
        } finally {
            setVector(chunkId, original);
        }
    }

    @Test
    void givenAnArticleWithNoChunks_whenAskedFor_thenItHasNoneAndTheOthersAreFound() {
        TestArticles.ingest(ingestor);
        List<String> articles = new ArrayList<>(articleIds(1));
        articles.add("no-such-article");
        float[] question = embedder.embedQuery("leg cramps");

        List<ChunkHit> hits = vectors.chunksOf(articles, question, chunksVersion());

        assertFalse(hits.isEmpty());
        assertTrue(hits.stream().allMatch(hit -> hit.articleId().equals(articles.get(0))));
    }

    @Test
    void givenACapThatHoldsEitherArticleButNotBoth_whenTheSecondIsKept_thenTheCopyStartsAgainWithItAlone()
            throws InterruptedException {
        TestArticles.ingest(ingestor);
        List<String> both = fewestAndMostChunks();
        float[] question = embedder.embedQuery("why do my calves cramp at night");
        long version = chunksVersion();
        long first = keptSize(both.get(0), question, version);
        long second = keptSize(both.get(1), question, version);
        assertNotEquals(first, second, "the fixtures need two articles whose copies differ in size");
        SimpleMeterRegistry counted = new SimpleMeterRegistry();
        ArticleVectors capped = new ArticleVectors(database, search, executor, Math.max(first, second), counted);

        capped.chunksOf(List.of(both.get(0)), question, version);
        awaitKept(capped, first);
        capped.chunksOf(List.of(both.get(1)), question, version);
        awaitKept(capped, second);
        List<ChunkHit> hits = capped.chunksOf(both, question, version);

        assertEquals(1, counted.get("healthrag.retrieval.article_vectors").tag("from", "memory").counter().count(),
                "the article kept last comes from memory");
        assertEquals(3, counted.get("healthrag.retrieval.article_vectors").tag("from", "database").counter().count(),
                "the one dropped with the full copy is compared in the database again");
        assertEquals(Set.copyOf(both), hits.stream().map(ChunkHit::articleId).collect(Collectors.toSet()));
    }

    @Test
    void givenACapOfZero_whenAnArticleIsAskedForTwice_thenBothTimesTheDatabaseComparesIt() {
        TestArticles.ingest(ingestor);
        List<String> articles = articleIds(1);
        float[] question = embedder.embedQuery("leg cramps");
        SimpleMeterRegistry counted = new SimpleMeterRegistry();
        ArticleVectors keepsNothing = new ArticleVectors(database, search, executor, 0, counted);

        keepsNothing.chunksOf(articles, question, chunksVersion());
        List<ChunkHit> again = keepsNothing.chunksOf(articles, question, chunksVersion());

        assertFalse(again.isEmpty());
        assertEquals(2, counted.get("healthrag.retrieval.article_vectors").tag("from", "database").counter().count());
        assertEquals(0, keepsNothing.keptBytes());
    }

    /** What one article's vectors count for against the cap, kept alone in a copy with room for anything. */
    private long keptSize(String articleId, float[] question, long version) throws InterruptedException {
        ArticleVectors roomy = new ArticleVectors(database, search, executor, Long.MAX_VALUE, new SimpleMeterRegistry());
        roomy.chunksOf(List.of(articleId), question, version);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (roomy.keptBytes() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(roomy.keptBytes() > 0, articleId + " was never kept");
        return roomy.keptBytes();
    }

    private static void awaitKept(ArticleVectors vectors, long bytes) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (vectors.keptBytes() != bytes && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(bytes, vectors.keptBytes());
    }

    /** The chunks of articles once the background read has kept all of them: no database read counted. */
    private List<ChunkHit> inMemory(List<String> articles, float[] question, long version)
            throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            double read = count("database");
            double kept = count("memory");
            List<ChunkHit> hits = vectors.chunksOf(articles, question, version);
            if (count("database") == read) {
                assertEquals(kept + articles.size(), count("memory"), "every article counted as compared in memory");
                return hits;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the articles' vectors were never kept in memory");
    }

    private long chunksVersion() {
        return lexicon.lookUp(List.of("cramp")).chunksVersion();
    }

    private double count(String from) {
        return registry.get("healthrag.retrieval.article_vectors").tag("from", from).counter().count();
    }

    private static double similarityOf(String chunkId, List<ChunkHit> hits) {
        return hits.stream().filter(hit -> hit.chunkId().equals(chunkId)).findFirst().orElseThrow().similarity();
    }

    private List<String> articleIds(int how) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id FROM articles ORDER BY id LIMIT " + how);
                 ResultSet rows = statement.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
                return ids;
            }
        });
    }

    /** Two articles likely to differ in size, so that a copy holding one is told from a copy holding the other. */
    private List<String> fewestAndMostChunks() {
        List<String> bySize = database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT article_id FROM chunks GROUP BY article_id ORDER BY count(*), article_id");
                 ResultSet rows = statement.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
                return ids;
            }
        });
        return List.of(bySize.get(0), bySize.get(bySize.size() - 1));
    }

    private float[] storedVector(String chunkId) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT embedding::real[] FROM chunks WHERE id = ?")) {
                statement.setString(1, chunkId);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    Float[] boxed = (Float[]) rows.getArray(1).getArray();
                    float[] vector = new float[boxed.length];
                    for (int i = 0; i < boxed.length; i++) {
                        vector[i] = boxed[i];
                    }
                    return vector;
                }
            }
        });
    }

    private void setVector(String chunkId, float[] vector) {
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE chunks SET embedding = " + SqlVector.PARAMETER + " WHERE id = ?")) {
                SqlVector.bind(statement, 1, vector);
                statement.setString(2, chunkId);
                return statement.executeUpdate();
            }
        });
    }
}
