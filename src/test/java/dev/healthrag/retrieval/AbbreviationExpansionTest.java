package dev.healthrag.retrieval;

import dev.healthrag.TestArticles;
import dev.healthrag.ingest.IngestOptions;
import dev.healthrag.ingest.IngestReport;
import dev.healthrag.ingest.Ingestor;
import dev.healthrag.store.ArticleStore;
import dev.healthrag.store.Database;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Abbreviations extracted at ingest into the real database, and the long forms a question's short forms gain. */
@QuarkusTest
class AbbreviationExpansionTest {

    private static final String ARTICLE = """
            ---
            id: "%s"
            title: "Hydrocephalus in older adults"
            ---

            ## Overview

            Normal pressure hydrocephalus (NPH) is a build-up of fluid in the brain's ventricles. People with NPH
            walk with short steps. It is unrelated to acute lymphoblastic leukemia (ALL), a blood cancer.
            """;

    @Inject
    Ingestor ingestor;

    @Inject
    ArticleStore store;

    @Inject
    QueryAnalyzer analyzer;

    @Inject
    HybridContentRetriever retriever;

    @Inject
    Database database;

    @TempDir
    Path dir;

    private final List<String> createdIds = new ArrayList<>();

    @AfterEach
    void removeThisTestsArticles() {
        store.delete(createdIds);
    }

    @Test
    void aShortFormTheArticlesDefineGainsItsLongForm() throws IOException {
        givenAnArticleDefiningAbbreviations("abbrev-nph");

        AnalyzedQuery query = analyzer.analyze("my dad was just told he has NPH, what now");

        assertTrue(query.expansions().contains("normal pressure hydrocephalus"), query.expansions().toString());
        assertTrue(query.lexicalTerms().stream().anyMatch(t -> t.term().equals("hydrocephalus")),
                query.lexicalTerms().toString());
        assertTrue(query.namePhrases().contains("normal pressure hydrocephalus"), query.namePhrases().toString());
        List<RetrievedChunk> found = retriever.retrieve(new RetrievalRequest("NPH walking", RetrievalMode.HYBRID, 5));
        assertEquals("abbrev-nph", found.get(0).articleId(), found.toString());
    }

    @Test
    void aShortFormThatIsAnEverydayWordCountsOnlyWhenWrittenInCapitals() throws IOException {
        givenAnArticleDefiningAbbreviations("abbrev-all");

        assertFalse(analyzer.analyze("is all of this normal").expansions().contains("acute lymphoblastic leukemia"));
        assertTrue(analyzer.analyze("my son has ALL").expansions().contains("acute lymphoblastic leukemia"));
        // lower case, and no English word: an abbreviation as people type it
        assertTrue(analyzer.analyze("what helps nph").expansions().contains("normal pressure hydrocephalus"));
    }

    @Test
    void aQuestionThatSpellsTheLongFormOutGainsNothing() throws IOException {
        givenAnArticleDefiningAbbreviations("abbrev-spelt");

        AnalyzedQuery query = analyzer.analyze("How is normal pressure hydrocephalus (NPH) treated?");

        assertFalse(query.expansions().contains("normal pressure hydrocephalus"), query.expansions().toString());
    }

    @Test
    void anUnchangedArticleStoredWithoutAbbreviationsGetsThemWithoutReEmbedding() throws IOException {
        givenAnArticleDefiningAbbreviations("abbrev-old");
        // as an article stored before the extractor existed (V10 leaves those at version 0, with no pairs)
        database.inTransaction(connection -> {
            try (PreparedStatement clear = connection.prepareStatement(
                    "DELETE FROM article_abbreviations WHERE article_id = 'abbrev-old'");
                 PreparedStatement version = connection.prepareStatement(
                         "UPDATE articles SET abbreviations_version = 0 WHERE id = 'abbrev-old'")) {
                clear.executeUpdate();
                return version.executeUpdate();
            }
        });
        assertFalse(analyzer.analyze("what helps NPH").expansions().contains("normal pressure hydrocephalus"));

        IngestReport again = TestArticles.ingest(ingestor, dir, IngestOptions.DEFAULT);

        assertEquals(1, again.unchanged());
        assertEquals(0, again.chunksEmbedded());
        assertEquals(List.of("ALL", "NPH"), storedShortForms("abbrev-old"));
        assertTrue(analyzer.analyze("what helps NPH").expansions().contains("normal pressure hydrocephalus"));
    }

    @Test
    void aChangedArticleReplacesItsAbbreviations() throws IOException {
        givenAnArticleDefiningAbbreviations("abbrev-changed");
        Files.writeString(dir.resolve("abbrev-changed.md"), """
                ---
                id: "abbrev-changed"
                title: "Hydrocephalus in older adults"
                ---

                ## Overview

                Normal pressure hydrocephalus is a build-up of fluid; magnetic resonance imaging (MRI) shows it.
                """);

        TestArticles.ingest(ingestor, dir, IngestOptions.DEFAULT);

        assertEquals(List.of("MRI"), storedShortForms("abbrev-changed"));
    }

    private void givenAnArticleDefiningAbbreviations(String id) throws IOException {
        Files.writeString(dir.resolve(id + ".md"), ARTICLE.formatted(id));
        createdIds.add(id);
        IngestReport report = TestArticles.ingest(ingestor, dir, IngestOptions.DEFAULT);
        assertEquals(List.of(), report.failed());
        assertEquals(List.of("ALL", "NPH"), storedShortForms(id));
    }

    private List<String> storedShortForms(String id) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT short_form FROM article_abbreviations WHERE article_id = ? ORDER BY short_form")) {
                statement.setString(1, id);
                List<String> forms = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        forms.add(rows.getString(1));
                    }
                }
                return forms;
            }
        });
    }
}
