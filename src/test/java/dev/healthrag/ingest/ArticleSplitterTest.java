package dev.healthrag.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ArticleSplitterTest {

    private static final ArticleSplitter DEFAULTS = new ArticleSplitter(200, 350, 40);

    private static Article article(Section... sections) {
        return new Article("a", "Test Title", "", ArticleMetadata.empty(), List.of(sections), "markdown");
    }

    /** n short sentences of 8 estimated tokens each ("Fact 7 is about sleep."). */
    private static String facts(int from, int n) {
        List<String> s = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            s.add("Fact " + i + " is about sleep.");
        }
        return String.join(" ", s);
    }

    @Test
    void keepsEveryChunkWithinTheTokenBudgetOnALongArticle() throws Exception {
        // given
        Article article = Fixtures.parseResource("long-blood-pressure.md");
        // when
        List<ChunkDraft> chunks = DEFAULTS.split(article);
        // then
        assertTrue(chunks.size() >= 6, "long fixture should give several chunks, got " + chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            ChunkDraft c = chunks.get(i);
            assertEquals(TokenEstimator.estimate(c.text()), c.tokenCount());
            assertTrue(c.tokenCount() <= 350 * 1.2, "chunk " + i + " has " + c.tokenCount() + " tokens");
            boolean lastOfSection = i == chunks.size() - 1 || !chunks.get(i + 1).heading().equals(c.heading());
            assertTrue(lastOfSection || c.tokenCount() >= 200, "chunk " + i + " is short but not a section end");
        }
    }

    @Test
    void neverEndsAChunkMidSentenceAndNeverMixesSections() throws Exception {
        Article article = Fixtures.parseResource("long-blood-pressure.md");

        for (ArticleSplitter splitter : List.of(DEFAULTS, new ArticleSplitter(40, 80, 20))) {
            List<Section> sections = splitter.mergeTinySections(article.sections());
            for (ChunkDraft c : splitter.split(article)) {
                String source = sections.stream().filter(s -> s.heading().equals(c.heading())).findFirst().orElseThrow().text();
                String piece = withoutRepeatedLeadIn(c.text(), source);
                int at = source.indexOf(piece);
                assertTrue(at >= 0, "chunk is not a contiguous piece of its own section: " + c.text());
                int end = at + piece.length();
                assertTrue(end == source.length() || Character.isWhitespace(source.charAt(end)), "ends mid-word: " + c.text());
                assertTrue(c.text().matches("(?s).*[.!?:)]$"), "ends mid-sentence: " + c.text());
                assertTrue(at == 0 || Character.isWhitespace(source.charAt(at - 1)), "starts mid-word: " + c.text());
            }
        }
    }

    /**
     * The chunk without the lead-in a chunk opening inside a list repeats: a first line ending in ":" that the
     * section holds, before a list line the section does not hold right after it.
     */
    private static String withoutRepeatedLeadIn(String chunk, String section) {
        int newline = chunk.indexOf('\n');
        if (section.contains(chunk) || newline < 0) {
            return chunk;
        }
        String leadIn = chunk.substring(0, newline);
        String rest = chunk.substring(newline + 1);
        boolean repeated = leadIn.endsWith(":") && rest.startsWith("- ") && section.contains(leadIn + "\n")
                && !section.contains(leadIn + "\n" + rest.lines().findFirst().orElseThrow());
        return repeated ? rest : chunk;
    }

    @Test
    void numbersPositionsFromZeroWithoutGaps() throws Exception {
        List<ChunkDraft> chunks = new ArticleSplitter(40, 80, 20).split(Fixtures.parseResource("long-blood-pressure.md"));

        assertEquals(IntStream.range(0, chunks.size()).boxed().toList(), chunks.stream().map(ChunkDraft::position).toList());
    }

    @Test
    void startsTheNextChunkWithTheLastSentencesOfThePreviousUpToTheOverlap() {
        // given 20 sentences of 8 tokens; budget 60 fits 7, overlap 20 fits 2
        Article article = article(new Section("Sleep", facts(1, 20)));
        // when
        List<ChunkDraft> chunks = new ArticleSplitter(20, 60, 20).split(article);
        // then
        assertEquals(facts(1, 7), chunks.get(0).text());
        assertEquals(facts(6, 7), chunks.get(1).text());
        assertEquals(facts(11, 7), chunks.get(2).text());
        for (int i = 1; i < chunks.size(); i++) {
            List<String> previous = dev.healthrag.text.Sentences.split(chunks.get(i - 1).text());
            String overlap = String.join(" ", previous.subList(previous.size() - 2, previous.size()));
            assertTrue(chunks.get(i).text().startsWith(overlap), chunks.get(i).text());
            assertTrue(TokenEstimator.estimate(overlap) <= 20);
        }
    }

    @Test
    void startsAChunkThatOpensInsideAListWithTheListsLeadIn() {
        // given a lead-in and 12 items of 8 tokens; budget 60 fits the lead-in and 6 items
        StringBuilder items = new StringBuilder("Signs of poor sleep include:");
        for (int i = 1; i <= 12; i++) {
            items.append("\n- Sign ").append(i).append(" is about sleep.");
        }
        Article article = article(new Section("Signs", items.toString()));
        // when
        List<ChunkDraft> chunks = new ArticleSplitter(20, 60, 10).split(article);
        // then every chunk after the first repeats the lead-in, then goes on with the list
        assertTrue(chunks.size() >= 2, chunks.toString());
        assertTrue(chunks.get(0).text().startsWith("Signs of poor sleep include:\n- Sign 1 is about sleep."));
        for (ChunkDraft chunk : chunks.subList(1, chunks.size())) {
            assertTrue(chunk.text().startsWith("Signs of poor sleep include:\n- Sign "), chunk.text());
            assertTrue(chunk.tokenCount() <= 60, chunk.tokenCount() + " tokens: " + chunk.text());
        }
        assertTrue(chunks.get(chunks.size() - 1).text().endsWith("- Sign 12 is about sleep."));
    }

    @Test
    void keepsTheOverlapBeforeAListItemTooLongToTakeItsLeadInAlong() {
        // given: short items, then one item that fits the budget with the overlap (a short item) but not with the
        // list's long lead-in
        String leadIn = "Signs that your sleep is poor and that it needs the attention of a doctor include:";
        StringBuilder longItem = new StringBuilder("- The long sign");
        while (TokenEstimator.estimate(longItem + " word.") + TokenEstimator.estimate("- Sign 5 is about sleep.") <= 60) {
            longItem.append(" word");
        }
        longItem.append(".");
        StringBuilder text = new StringBuilder(leadIn);
        for (int i = 1; i <= 5; i++) {
            text.append("\n- Sign ").append(i).append(" is about sleep.");
        }
        text.append("\n").append(longItem);
        assertTrue(TokenEstimator.estimate(longItem.toString()) + TokenEstimator.estimate(leadIn) > 60,
                "the lead-in does not fit beside the long item");

        // when
        List<ChunkDraft> chunks = new ArticleSplitter(20, 60, 10).split(article(new Section("Signs", text.toString())));

        // then: the chunk with the long item opens with the item before it, as any chunk opens with its overlap
        ChunkDraft withLongItem = chunks.stream().filter(c -> c.text().contains("The long sign")).findFirst()
                .orElseThrow();
        assertTrue(withLongItem.text().startsWith("- Sign 5 is about sleep.\n- The long sign"), withLongItem.text());
    }

    @Test
    void doesNotRepeatALeadInOnceItsListHasEnded() {
        Article article = article(new Section("Signs", "Signs of poor sleep include:\n- Sign 1 is about sleep.\n"
                + "- Sign 2 is about sleep.\n\n" + facts(3, 12)));

        List<ChunkDraft> chunks = new ArticleSplitter(20, 60, 10).split(article);

        assertTrue(chunks.size() >= 2, chunks.toString());
        chunks.subList(1, chunks.size()).forEach(chunk -> assertTrue(!chunk.text().contains("include:"), chunk.text()));
    }

    @Test
    void mergesATinyTrailingRemainderIntoThePreviousChunk() {
        // 8 sentences = 64 tokens: 7 fit the budget, the 8th alone would be a scrap under minTokens/2
        Article article = article(new Section("Sleep", facts(1, 8)));

        List<ChunkDraft> chunks = new ArticleSplitter(40, 60, 10).split(article);

        assertEquals(1, chunks.size());
        assertEquals(facts(1, 8), chunks.get(0).text());
        assertTrue(chunks.get(0).tokenCount() <= 60 * 1.2);
    }

    @Test
    void mergesATinySectionWithTheFollowingSmallSection() {
        Article article = article(
                new Section("Frequency", "About one in ten adults is affected."),
                new Section("Outlook", facts(1, 5)),
                new Section("Treatment", facts(100, 40)));

        List<ChunkDraft> chunks = DEFAULTS.split(article);

        assertEquals("Frequency", chunks.get(0).heading());
        assertEquals("About one in ten adults is affected.\n\nOutlook\n\n" + facts(1, 5), chunks.get(0).text());
        assertTrue(chunks.stream().skip(1).allMatch(c -> c.heading().equals("Treatment")));
    }

    @Test
    void mergesATinyLastSectionIntoASmallPreviousOne() {
        // 120 tokens: too big to be absorbed forward, small enough to take the scrap after it
        Article article = article(new Section("Outlook", facts(1, 15)), new Section("Prevention", "Topics"));

        List<ChunkDraft> chunks = DEFAULTS.split(article);

        assertEquals(1, chunks.size());
        assertEquals(facts(1, 15) + "\n\nPrevention\n\nTopics", chunks.get(0).text());
    }

    @Test
    void keepsASentenceLongerThanTheBudgetWholeInItsOwnChunk() {
        String longSentence = "Risk rises with " + "age and weight and smoking and ".repeat(12) + "inactivity.";
        Article article = article(new Section("Risk", "Short start here. " + longSentence + " " + facts(1, 1)));

        List<ChunkDraft> chunks = new ArticleSplitter(20, 60, 10).split(article);

        assertEquals(List.of("Short start here.", longSentence, facts(1, 1)), chunks.stream().map(ChunkDraft::text).toList());
        assertTrue(chunks.get(1).tokenCount() > 60 && chunks.get(1).tokenCount() <= 120);
    }

    @Test
    void cutsARunawaySentenceOverTwiceTheBudgetAtClauses() {
        String runaway = "Symptoms include " + "fever, chills, aches, cough; ".repeat(14) + "and fatigue.";
        Article article = article(new Section("Symptoms", runaway));

        List<ChunkDraft> chunks = new ArticleSplitter(20, 60, 10).split(article);

        assertTrue(chunks.size() >= 3);
        chunks.forEach(c -> assertTrue(c.tokenCount() <= 60, c.tokenCount() + ": " + c.text()));
        chunks.forEach(c -> assertTrue(c.text().matches(".*[,;.]$"), c.text()));
        assertEquals(runaway, String.join(" ", chunks.stream().map(ChunkDraft::text).toList()));
    }

    @Test
    void splitsAnOverlongListItemAtItsSentences() {
        String item = "- " + facts(1, 10);
        Article article = article(new Section("Tips", item));

        List<ChunkDraft> chunks = new ArticleSplitter(20, 60, 0).split(article);

        assertEquals("- " + facts(1, 7), chunks.get(0).text());
        assertEquals(facts(8, 3), chunks.get(1).text());
    }

    @Test
    void buildsEmbeddingTextFromTitleHeadingAndText() {
        Article article = article(new Section("", "Intro sentence."), new Section("Causes", facts(1, 30)));

        List<ChunkDraft> chunks = new ArticleSplitter(1, 350, 40).split(article);

        assertEquals("Test Title\n\nIntro sentence.", chunks.get(0).embeddingText());
        assertEquals("Test Title\nCauses\n\n" + chunks.get(1).text(), chunks.get(1).embeddingText());
    }

    @Test
    void rejectsInconsistentBudgets() {
        assertThrows(IllegalArgumentException.class, () -> new ArticleSplitter(300, 200, 40));
        assertThrows(IllegalArgumentException.class, () -> new ArticleSplitter(0, 200, 40));
        assertThrows(IllegalArgumentException.class, () -> new ArticleSplitter(100, 200, 100));
    }
}
