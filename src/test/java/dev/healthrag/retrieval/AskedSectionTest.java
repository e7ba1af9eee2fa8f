package dev.healthrag.retrieval;

import dev.healthrag.TestArticles;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.ingest.Ingestor;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The asked-for section of the leading article, read from the fixture library in the real database. */
@QuarkusTest
class AskedSectionTest {

    @Inject
    Ingestor ingestor;

    @Inject
    AskedSection askedSection;

    @Inject
    Embedder embedder;

    @BeforeEach
    void givenTheFixtureArticlesAreIndexed() {
        TestArticles.ingest(ingestor);
    }

    private static RetrievedChunk chunk(String article, int position, String heading) {
        return new RetrievedChunk(article + "#" + position, article, position, heading, "text of " + article,
                "Title of " + article, "https://example.org/" + article, 0.7, 1, 1, 0.03);
    }

    @Test
    void givenAQuestionAskingHowToEaseWhoseArticleCameWithoutThatSection_whenCompleted_thenTheSectionFollowsTheArticle() {
        String question = "how can I ease a twitchy calf after running?";
        List<RetrievedChunk> sources = List.of(chunk("muscle-twitching", 0, ""), chunk("leg-cramps-at-night", 0, ""));

        List<RetrievedChunk> completed = askedSection.complete(question, sources, embedder.embedQuery(question));

        assertEquals(List.of("muscle-twitching#0", "muscle-twitching#1", "leg-cramps-at-night#0"),
                completed.stream().map(RetrievedChunk::chunkId).toList());
        RetrievedChunk added = completed.get(1);
        assertEquals("Easing the twitch", added.heading());
        assertTrue(added.text().contains("Most episodes settle by themselves"), added.text());
        assertEquals("Title of muscle-twitching", added.title(), "the leading article's title and URL");
    }

    @Test
    void givenTheSectionIsAlreadyASource_orTheQuestionAsksForNoKind_whenCompleted_thenTheSourcesAreUnchanged() {
        List<RetrievedChunk> withSection = List.of(chunk("muscle-twitching", 1, "Easing the twitch"));
        List<RetrievedChunk> overviewOnly = List.of(chunk("muscle-twitching", 0, ""));
        String kindless = "twitchy calf after running";

        assertEquals(withSection, askedSection.complete("how can I ease a twitchy calf?", withSection,
                embedder.embedQuery("how can I ease a twitchy calf?")));
        assertEquals(overviewOnly, askedSection.complete(kindless, overviewOnly, embedder.embedQuery(kindless)));
    }

    @Test
    void givenTheAskedSectionMergedIntoAnotherChunkUnderAHeadingOfItsOwn_whenCompleted_thenThatChunkIsAdded() {
        String question = "how do I prevent night cramps in my legs?";
        List<RetrievedChunk> sources = List.of(chunk("leg-cramps-at-night", 0, ""));

        List<RetrievedChunk> completed = askedSection.complete(question, sources, embedder.embedQuery(question));

        assertEquals(List.of("leg-cramps-at-night#0", "leg-cramps-at-night#1"),
                completed.stream().map(RetrievedChunk::chunkId).toList());
        assertTrue(completed.get(1).text().contains("Preventing Night Cramps"), completed.get(1).text());
    }

    @Test
    void givenASourceHoldingTheAskedSectionUnderAHeadingInsideItsText_whenCompleted_thenTheSourcesAreUnchanged() {
        RetrievedChunk overview = new RetrievedChunk("muscle-twitching#0", "muscle-twitching", 0, "",
                "A small flutter in the calf.\n\nCommon triggers\n\nTwitches appear when a muscle was worked hard.",
                "Title", "https://example.org/muscle-twitching", 0.7, 1, 1, 0.03);
        String question = "what triggers twitchy muscles?";

        assertEquals(List.of(overview), askedSection.complete(question, List.of(overview), embedder.embedQuery(question)));
    }

    @Test
    void givenTheLeadingArticleHasNoSectionOfTheAskedKind_whenCompleted_thenTheSourcesAreUnchanged() {
        String question = "how is a sprained ankle diagnosed?";
        List<RetrievedChunk> sources = List.of(chunk("ankle-sprain", 0, ""));

        assertEquals(sources, askedSection.complete(question, sources, embedder.embedQuery(question)));
    }
}
