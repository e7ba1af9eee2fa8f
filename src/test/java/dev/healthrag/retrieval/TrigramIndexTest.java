package dev.healthrag.retrieval;

import dev.healthrag.store.Lexicon;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrigramIndexTest {

    @Test
    void trigramsAreThoseOfPgTrgm() {
        // SELECT show_trgm('mussle') -> {"  m"," mu","le ",mus,sle,ssl,uss}
        assertEquals(Set.of("  m", " mu", "le ", "mus", "sle", "ssl", "uss"), TrigramIndex.trigrams("mussle"));
    }

    @Test
    void nearestWordsComeInPgTrgmSimilarityOrder() {
        // Given words whose similarity() to "nuemonia" PostgreSQL puts at 0.31 (ammonia), 0.27 (pneumonia), 0.15 (mania)
        TrigramIndex index = new TrigramIndex(List.of(new Lexicon.Entry("mania", 5), new Lexicon.Entry("pneumonia", 40),
                new Lexicon.Entry("ammonia", 2), new Lexicon.Entry("kidney", 9)));

        // When the nearest two are asked for, then they come most similar first, and words sharing no trigram never
        assertEquals(List.of("ammonia", "pneumonia"),
                index.nearest("nuemonia", 2).stream().map(Lexicon.Entry::word).toList());
        assertEquals(List.of("ammonia", "pneumonia", "mania"),
                index.nearest("nuemonia", 8).stream().map(Lexicon.Entry::word).toList());
    }

    @Test
    void equallySimilarWordsGoToTheMoreCommonOne() {
        // "mussle" shares 4 of 10 trigrams with both "muscle" and "mussel" (similarity 0.4 each in pg_trgm)
        TrigramIndex index = new TrigramIndex(List.of(new Lexicon.Entry("mussel", 1), new Lexicon.Entry("muscle", 40)));

        assertEquals("muscle", index.nearest("mussle", 1).get(0).word());
    }
}
