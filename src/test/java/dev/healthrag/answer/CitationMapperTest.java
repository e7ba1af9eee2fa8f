package dev.healthrag.answer;

import dev.healthrag.retrieval.RetrievedChunk;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CitationMapperTest {

    private static final List<RetrievedChunk> SOURCES = List.of(chunk("a"), chunk("b"), chunk("c"));

    @Test
    void renumbersCitedSourcesInReadingOrderAndListsOnlyThose() {
        CitationMapper.Cited cited = CitationMapper.map("First fact [3]. Second fact [1]. Again [3].", SOURCES);

        assertEquals("First fact [1]. Second fact [2]. Again [1].", cited.text());
        assertEquals(List.of("c", "a"), cited.citations().stream().map(Citation::articleId).toList());
        assertEquals(List.of(1, 2), cited.citations().stream().map(Citation::ref).toList());
    }

    @Test
    void dropsMarkersThatPointAtNoSource() {
        CitationMapper.Cited cited = CitationMapper.map("Made up [7]. Real [2]. Zero [0].", SOURCES);

        assertEquals("Made up. Real [1]. Zero.", cited.text());
        assertEquals(1, cited.citations().size());
        assertEquals("b", cited.citations().get(0).articleId());
    }

    @Test
    void understandsGroupedAndNamedMarkers() {
        CitationMapper.Cited cited = CitationMapper.map("One [2, 3]. Two [Source 1]. Three [1; 2].", SOURCES);

        assertEquals("One [1][2]. Two [3]. Three [3][1].", cited.text());
        assertEquals(List.of("b", "c", "a"), cited.citations().stream().map(Citation::articleId).toList());
    }

    @Test
    void textWithoutMarkersHasNoCitations() {
        CitationMapper.Cited cited = CitationMapper.map("Nothing cited here.", SOURCES);

        assertTrue(cited.citations().isEmpty());
        assertEquals("Nothing cited here.", cited.text());
    }

    @Test
    void snippetIsShortAndCutAtAWord() {
        String snippet = CitationMapper.snippet("word ".repeat(100));

        assertTrue(snippet.length() <= 241, snippet);
        assertTrue(snippet.endsWith("word…"));
    }

    static RetrievedChunk chunk(String articleId) {
        return new RetrievedChunk(articleId + "#0", articleId, 0, "Section", "Text of " + articleId + ".",
                "Title " + articleId, "https://example.org/" + articleId, 0.8, 1, 1, 0.03);
    }
}
