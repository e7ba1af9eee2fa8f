package dev.healthrag.retrieval;

import dev.healthrag.TestArticles;
import dev.healthrag.ingest.IngestOptions;
import dev.healthrag.ingest.Ingestor;
import dev.healthrag.store.ArticleStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which articles a message names, against names ingested into the real store; ids are unique per test. */
@QuarkusTest
class ConditionNamesTest {

    @Inject
    Ingestor ingestor;

    @Inject
    ArticleStore store;

    @Inject
    ConditionNames conditions;

    @TempDir
    Path dir;

    private final List<String> createdIds = new ArrayList<>();

    @AfterEach
    void removeThisTestsArticles() {
        store.delete(createdIds);
    }

    @Test
    void givenNamesWithAndWithoutPossessives_whenAMessageSpellsThemTheOtherWay_thenItStillNamesTheirArticles()
            throws IOException {
        // given: one article whose "also called" has a possessive, one whose title has none
        String possessive = article("Quennell congenital palsy", "Quennell's palsy");
        String plain = article("Harrowgate disease", "Harrowgate syndrome");

        // when / then: each name found however the possessive is written, or left out
        assertEquals(List.of(possessive), articles("my cousin has quennell palsy, where do we start"));
        assertEquals(List.of(possessive), articles("is Quennell’s palsy inherited"));
        assertEquals(List.of(possessive), articles("quennells palsy treatment"));
        assertEquals(List.of(plain), articles("what is Harrowgate's disease"));
        assertTrue(articles("what is a palsy").isEmpty());
    }

    private List<String> articles(String message) {
        return conditions.named(message).stream().map(ConditionNames.NamedArticle::articleId)
                .filter(createdIds::contains).toList();
    }

    private String article(String title, String alsoCalled) throws IOException {
        String id = "names-" + Long.toString(System.nanoTime(), 36);
        createdIds.add(id);
        Files.writeString(dir.resolve(id + ".md"), "---\nid: " + id + "\ntitle: \"" + title + "\"\nalso_called: [\""
                + alsoCalled + "\"]\n---\n\n## Overview\n\n" + title + " is a condition described here for a test.\n");
        TestArticles.ingest(ingestor, dir, IngestOptions.DEFAULT);
        return id;
    }
}
