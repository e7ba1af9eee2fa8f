package dev.healthrag.store;

import dev.healthrag.TestArticles;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.ingest.Ingestor;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Searches against the fixture library in the real database. */
@QuarkusTest
class ChunkSearchTest {

    @Inject
    Ingestor ingestor;

    @Inject
    ChunkSearch search;

    @Inject
    Embedder embedder;

    @Inject
    Database database;

    @Test
    void givenASecondQuery_whenSearchedDense_thenItsNeighboursComeInItsOrderWithTheirSimilarityToTheMessage() {
        TestArticles.ingest(ingestor);
        float[] message = embedder.embedQuery("my ankle turned over on a kerb and it has gone puffy");
        float[] second = embedder.embedQuery("heat stroke warning signs");
        List<List<ChunkHit>> hits = search.run(List.of(
                ChunkSearch.dense(message, second, SearchFilter.NONE, 5),
                ChunkSearch.dense(second, SearchFilter.NONE, 5),
                ChunkSearch.dense(message, SearchFilter.NONE, 100)));
        List<ChunkHit> byBoth = hits.get(0);
        Map<String, Double> toMessage = hits.get(2).stream()
                .collect(Collectors.toMap(ChunkHit::chunkId, ChunkHit::similarity));

        assertEquals(hits.get(1).stream().map(ChunkHit::chunkId).toList(),
                byBoth.stream().map(ChunkHit::chunkId).toList(), "ordered as the second query's own search");
        for (ChunkHit hit : byBoth) {
            assertEquals(toMessage.get(hit.chunkId()), hit.similarity(), 1e-6, hit.chunkId());
        }
        assertNotEquals(hits.get(1).get(0).similarity(), byBoth.get(0).similarity(),
                "the similarities are not the second query's own");
    }

    @Test
    void givenTwoBatches_whenRunConcurrently_thenTheHitsAreThoseOfOneBatchInTheOrderGiven() {
        TestArticles.ingest(ingestor);
        float[] message = embedder.embedQuery("why do my calves cramp at night");
        List<ChunkSearch.Search> dense = List.of(ChunkSearch.dense(message, SearchFilter.NONE, 5));
        List<ChunkSearch.Search> words = List.of(
                ChunkSearch.lexical(List.of("cramp", "night"), List.of(2.0, 1.0), message, SearchFilter.NONE, 5),
                ChunkSearch.byName(List.of("leg cramps", "cramps"), message, SearchFilter.NONE, 5));

        List<List<ChunkHit>> together = search.runConcurrently(dense, words);
        List<List<ChunkHit>> inOne = search.run(List.of(dense.get(0), words.get(0), words.get(1)));

        assertEquals(3, together.size());
        assertEquals(inOne, together);
        assertFalse(together.get(1).isEmpty(), "the full-text search found the cramp article");
    }

    @Test
    void givenABatchThatFails_whenRunConcurrently_thenItsStoreFailureIsThrownAsItself() {
        float[] message = embedder.embedQuery("why do my calves cramp at night");
        ChunkSearch.Search broken = new ChunkSearch.Search("SELECT * FROM no_such_table", (statement, first) -> first,
                hits -> hits);

        assertThrows(StoreException.class, () -> search.runConcurrently(
                List.of(ChunkSearch.dense(message, SearchFilter.NONE, 5)), List.of(broken)));
    }
    @Test
    void givenChosenChunks_whenTheirSourcesAreRead_thenEachHasItsTextAndItsOwnArticlesTitleAndUrl() {
        // given: the hits of a dense search, which carry no article fields
        TestArticles.ingest(ingestor);
        float[] message = embedder.embedQuery("why do my calves cramp at night");
        List<ChunkHit> hits = search.run(List.of(ChunkSearch.dense(message, SearchFilter.NONE, 8))).get(0);

        // when
        Map<String, ChunkSource> sources = search.sources(hits.stream().map(ChunkHit::chunkId).toList());

        // then: each chunk's text and the title and URL of the article it belongs to
        Map<String, String> texts = search.texts(hits.stream().map(ChunkHit::chunkId).toList());
        assertEquals(hits.size(), sources.size());
        for (ChunkHit hit : hits) {
            ChunkSource source = sources.get(hit.chunkId());
            assertEquals(texts.get(hit.chunkId()), source.text(), hit.chunkId());
            List<String> article = database.read(connection -> {
                try (var statement = connection.prepareStatement("SELECT title, url FROM articles WHERE id = ?")) {
                    statement.setString(1, hit.articleId());
                    try (var rows = statement.executeQuery()) {
                        rows.next();
                        return Arrays.asList(rows.getString(1), rows.getString(2));
                    }
                }
            });
            assertEquals(article, Arrays.asList(source.title(), source.url()), hit.chunkId());
        }
        assertTrue(sources.values().stream().map(ChunkSource::title).distinct().count() > 1,
                "the hits come from several articles, so a title given to the wrong chunk shows");
    }
}
