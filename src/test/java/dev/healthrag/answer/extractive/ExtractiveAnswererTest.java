package dev.healthrag.answer.extractive;

import dev.healthrag.answer.verify.DraftSplitter;
import dev.healthrag.answer.verify.GroundedSentence;
import dev.healthrag.answer.verify.AlignedSourceVerifier;
import dev.healthrag.answer.verify.VerifierSettings;
import dev.healthrag.eval.AnswerChecks;
import dev.healthrag.retrieval.RetrievedChunk;
import dev.healthrag.retrieval.Terms;
import dev.healthrag.text.ListItems;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractiveAnswererTest {

    /** Stands in for embeddings: the share of the question's words a passage uses. */
    private static final ExtractiveAnswerer.PassageSimilarity WORD_SHARE = (question, passages) -> {
        Set<String> asked = new HashSet<>(Terms.of(question));
        return passages.stream().mapToDouble(passage -> Terms.of(passage).stream().distinct()
                .filter(asked::contains).count() / (double) Math.max(1, asked.size())).toArray();
    };

    private static final String TRIGGERS = "Twitches tend to appear when a muscle has been worked hard. "
            + "Typical triggers are:\n\n- a long or unusually intense session\n- heavy sweating without replacing "
            + "fluid and salt\n- strong coffee or energy drinks\n- a short night's sleep or a stressful week";

    private static RetrievedChunk source(String id, String heading, String text, double similarity) {
        return new RetrievedChunk(id + "#0", id, 0, heading, text, "Title of " + id, "https://example.org/" + id,
                similarity, 1, 1, 0.03);
    }

    private static RetrievedChunk chunkOf(String article, int position, String heading, String text, double similarity) {
        return new RetrievedChunk(article + "#" + position, article, position, heading, text, "Title of " + article,
                "https://example.org/" + article, similarity, 1, 1, 0.03);
    }

    private static ExtractiveAnswerer.PassageSimilarity scoredBy(ToDoubleFunction<String> score) {
        return (question, passages) -> passages.stream().mapToDouble(score).toArray();
    }

    @Test
    void givenALeadInAndItsList_whenTheLeadInIsChosen_thenTheWholeListFollowsIt() {
        String answer = ExtractiveAnswerer.answer("What triggers muscle twitches?",
                List.of(source("twitch", "Common triggers", TRIGGERS, 0.8)), WORD_SHARE);

        assertTrue(answer.contains("Typical triggers are: [1]\n- a long or unusually intense session [1]\n"), answer);
        assertTrue(answer.contains("- a short night's sleep or a stressful week [1]"), answer);
    }

    @Test
    void givenALeadInWhoseListIsNotInTheSource_whenAnswering_thenTheLeadInIsLeftOut() {
        // The chunk ends at the lead-in: its list went to the next chunk.
        String text = "Cramps are sudden contractions of a muscle that will not relax. Cramps at night often affect "
                + "the calf and wake people from sleep. The main kinds are:";

        String answer = ExtractiveAnswerer.answer("What are cramps?", List.of(source("cramps", "Overview", text, 0.8)),
                WORD_SHARE);

        assertFalse(answer.contains("kinds are:"), answer);
        assertTrue(answer.contains("Cramps at night"), answer);
    }

    @Test
    void givenAListWrittenAsLooseLinesAfterItsLeadIn_whenAnswering_thenItIsQuotedAsTheLeadInsListAndNeverOpensTheAnswer() {
        String text = "Congenital heart defects are problems with the heart's structure that are present at birth. "
                + "These defects can involve:\n\nThe interior walls of the heart\n\nThe valves inside the heart\n\n"
                + "The arteries and veins that carry blood to the heart or the body\n\n"
                + "Congenital heart defects change the normal flow of blood through the heart.";
        // The long item is the passage closest to the question; alone, it would open the answer.
        ExtractiveAnswerer.PassageSimilarity itemFirst = scoredBy(passage -> passage.contains("\n\nThe arteries") ? 0.9 : 0.5);

        String answer = ExtractiveAnswerer.answer("How is congenital heart disease passed down?",
                List.of(source("chd", "Overview", text, 0.8)), itemFirst);

        assertTrue(answer.startsWith("Congenital heart defects are problems"), answer);
        assertTrue(answer.contains("These defects can involve: [1]\n- The interior walls of the heart [1]\n"
                + "- The valves inside the heart [1]\n- The arteries and veins that carry blood to the heart or the body [1]"),
                answer);
    }

    @Test
    void givenAListLongerThanTheBudget_whenItOpensThePassage_thenItIsCutByWholeItemsUnderItsLeadInAndMarkedCut() {
        StringBuilder text = new StringBuilder("Symptoms of the condition include:\n\n");
        for (int i = 1; i <= 30; i++) {
            text.append("- symptom number ").append(i).append(" of this long list\n");
        }

        String answer = ExtractiveAnswerer.answer("What are the symptoms?",
                List.of(source("long", "Symptoms", text.toString(), 0.8)), WORD_SHARE);

        assertTrue(answer.startsWith("Symptoms of the condition include: [1]\n- symptom number 1 of this long list [1]"),
                answer);
        assertFalse(answer.contains("symptom number 30"), answer);
        List<String> lines = answer.lines().toList();
        assertEquals(ListItems.MORE + " [1]", lines.get(lines.size() - 1), answer);
        assertTrue(lines.subList(1, lines.size() - 1).stream()
                        .allMatch(line -> line.matches("- symptom number \\d+ of this long list \\[1]")),
                "only whole items: " + answer);
        assertTrue(ExtractiveAnswerer.MAX_WORDS >= wordsOf(answer), answer);
    }

    @Test
    void givenAListCutToFit_whenTheDraftIsVerified_thenItsMoreLineIsKeptWithTheQuotedItems() {
        StringBuilder text = new StringBuilder("Symptoms of the condition include:\n\n");
        for (int i = 1; i <= 30; i++) {
            text.append("- symptom number ").append(i).append(" of this long list\n");
        }
        List<RetrievedChunk> sources = List.of(source("long", "Symptoms", text.toString(), 0.8));

        String answer = ExtractiveAnswerer.answer("What are the symptoms?", sources, WORD_SHARE);
        List<GroundedSentence> checked = new AlignedSourceVerifier(passages -> {
            throw new AssertionError("a quoted draft was embedded: " + passages);
        }, new VerifierSettings(0.80, 0.50, 2, 3)).verify(DraftSplitter.split(answer), sources);

        assertTrue(checked.stream().allMatch(GroundedSentence::supported), checked.toString());
        assertEquals("the list goes on in source 1", checked.get(checked.size() - 1).reason());
    }

    @Test
    void givenTwoChunksOfOneListEachOpeningWithItsLeadIn_whenAnswering_thenTheLeadInIsQuotedOnce() {
        String leadIn = "Lupus nephritis is diagnosed through urine and blood tests and a kidney biopsy:";
        List<RetrievedChunk> sources = List.of(
                chunkOf("lupus", 1, "Diagnosis", leadIn + "\n- Urinalysis. A urine sample is tested for blood and "
                        + "protein, which point to kidney damage.", 0.80),
                chunkOf("lupus", 2, "Diagnosis", leadIn + "\n- Biopsy. A small piece of kidney tissue is examined "
                        + "under a microscope to confirm lupus nephritis.", 0.80));

        String answer = ExtractiveAnswerer.answer("How is lupus nephritis diagnosed?", sources, WORD_SHARE);

        assertEquals(1, answer.split(java.util.regex.Pattern.quote(leadIn), -1).length - 1, answer);
    }

    @Test
    void givenAListQuotedWhole_whenAnswering_thenNoMoreLineFollowsIt() {
        String answer = ExtractiveAnswerer.answer("What triggers muscle twitches?",
                List.of(source("twitch", "Common triggers", TRIGGERS, 0.8)), WORD_SHARE);

        assertFalse(answer.contains(ListItems.MORE), answer);
    }

    @Test
    void givenASentenceOpeningWithThis_whenItIsTheBestMatch_thenTheSentenceItRefersToComesFirst() {
        String text = "Fasciculations are small contractions of a few muscle fibres. This is usually harmless and "
                + "settles within hours after exercise.";
        ExtractiveAnswerer.PassageSimilarity onlyHarmless = scoredBy(p -> p.contains("harmless") ? 0.9 : 0.2);

        String answer = ExtractiveAnswerer.answer("Is twitching harmless?",
                List.of(source("twitch", "Overview", text, 0.8)), onlyHarmless);

        assertTrue(answer.startsWith("Fasciculations are small contractions"), answer);
        assertTrue(answer.indexOf("Fasciculations") < answer.indexOf("This is usually harmless"), answer);
    }

    @Test
    void givenASourceThatStartsWithAnAnaphor_whenAnswering_thenTheAnswerDoesNotOpenWithIt() {
        String text = "They often follow a hard session. Rest, fluids and a light meal usually settle muscle "
                + "twitching within a day.";

        String answer = ExtractiveAnswerer.answer("How do I settle muscle twitching?",
                List.of(source("twitch", "Easing the twitch", text, 0.8)), WORD_SHARE);

        assertTrue(answer.startsWith("Rest, fluids"), answer);
    }

    @Test
    void givenSentencesOfOneSection_whenQuoted_thenTheyKeepSourceOrder() {
        String text = "First comes the warm-up of the muscles. Second comes the main muscle session. "
                + "Third comes the cool-down for the muscles.";

        String answer = ExtractiveAnswerer.answer("muscle session cool-down warm-up",
                List.of(source("order", "Training", text, 0.8)), WORD_SHARE);

        assertTrue(answer.indexOf("First") < answer.indexOf("Second") && answer.indexOf("Second") < answer.indexOf("Third"),
                answer);
    }

    @Test
    void givenManyMatchingSources_whenAnswering_thenOneMainPassageAndAtMostTwoSupportingOnesEachCited() {
        List<RetrievedChunk> sources = List.of(
                source("a", "Causes", "Muscle cramps are caused by tired muscles and by heat during exercise.", 0.80),
                source("b", "Causes", "Muscle cramps can be caused by heat and long exercise sessions.", 0.80),
                source("c", "Causes", "Exercise in heat is a common cause of muscle cramps in athletes.", 0.80),
                source("d", "Causes", "Muscle cramps in heat are caused by exercise and losing salt.", 0.80));

        String answer = ExtractiveAnswerer.answer("What causes muscle cramps during exercise in heat?", sources,
                scoredBy(p -> 0.8));

        String[] passages = answer.split("\n\n");
        assertTrue(passages.length >= 2 && passages.length <= 1 + ExtractiveAnswerer.MAX_SUPPORTING, answer);
        Set<String> markers = new HashSet<>();
        for (String passage : passages) {
            assertTrue(passage.matches("(?s).*\\[\\d]$"), "each passage is cited: " + passage);
            markers.add(passage.replaceAll("(?s).*\\[(\\d)]$", "$1"));
        }
        assertEquals(passages.length, markers.size(), "each from a source of its own: " + answer);
    }

    @Test
    void givenASectionWhoseHeadingNamesWhatIsAsked_whenAnotherSectionIsSlightlyCloser_thenTheNamedSectionAnswers() {
        List<RetrievedChunk> sources = List.of(
                chunkOf("gout", 0, "Overview", "Gout is a form of arthritis that causes sudden joint pain and swelling "
                        + "in the big toe.", 0.82),
                chunkOf("gout", 1, "Treatment", "Anti-inflammatory medicines ease an attack, and other medicines "
                        + "lower uric acid over time.", 0.80));

        String answer = ExtractiveAnswerer.answer("How is gout treated?", sources, scoredBy(p -> p.contains("Gout") ? 0.82 : 0.80));

        assertTrue(answer.startsWith("Anti-inflammatory medicines"), answer);
    }

    @Test
    void givenAMessageThatAsksForNothingInParticular_whenAnotherSectionIsSlightlyCloser_thenTheOverviewAnswers() {
        List<RetrievedChunk> sources = List.of(
                chunkOf("gout", 2, "Inheritance", "Gout often runs in families; a child of a parent with gout has a "
                        + "higher chance of it.", 0.82),
                chunkOf("gout", 0, "Overview", "Gout is a form of arthritis that causes sudden joint pain and swelling "
                        + "in the big toe.", 0.80));

        String answer = ExtractiveAnswerer.answer("My son has gout and we are lost, where do we start", sources,
                scoredBy(p -> p.contains("families") ? 0.82 : 0.80));

        assertTrue(answer.startsWith("Gout is a form of arthritis"), answer);
    }

    @Test
    void givenTwoArticles_whenALowerRankedOnesPassageIsSlightlyCloser_thenTheTopRankedArticleAnswers() {
        List<RetrievedChunk> sources = List.of(
                source("shin-splints", "Treatment", "Rest from running for two to four weeks and ice the shin after "
                        + "activity; most people recover fully.", 0.80),
                source("stress-fracture", "Treatment", "A stress fracture needs rest from impact for six to eight "
                        + "weeks, sometimes with a boot.", 0.82));

        String answer = ExtractiveAnswerer.answer("How are shin splints treated?", sources,
                scoredBy(p -> p.contains("boot") ? 0.82 : 0.80));

        assertTrue(answer.startsWith("Rest from running"), answer);
    }

    @Test
    void givenRetrievalUnsureBetweenTwoArticles_whenTheOthersPassageFitsSomewhatWorse_thenBothArticlesAreQuoted() {
        List<RetrievedChunk> sources = twoArticlesFusedAt(0.030, 0.027);

        String answer = ExtractiveAnswerer.answer("How are attacks treated?", sources, FITS_GOUT_BETTER);

        assertTrue(answer.startsWith("Gout attacks"), answer);
        assertTrue(answer.contains("Pseudogout attacks are treated with rest, ice and anti-inflammatory medicines. [2]"),
                answer);
    }

    @Test
    void givenOneArticleClearlyAheadInRetrieval_whenAnotherArticlesPassageFitsSomewhatWorse_thenOnlyTheLeaderIsQuoted() {
        List<RetrievedChunk> sources = twoArticlesFusedAt(0.030, 0.015);

        String answer = ExtractiveAnswerer.answer("How are attacks treated?", sources, FITS_GOUT_BETTER);

        assertTrue(answer.startsWith("Gout attacks"), answer);
        assertFalse(answer.contains("[2]"), answer);
    }

    /** The pseudogout passage is 0.06 behind: more than the usual gap for support, less than the unsure one. */
    private static final ExtractiveAnswerer.PassageSimilarity FITS_GOUT_BETTER =
            scoredBy(p -> p.contains("Pseudogout") ? 0.74 : 0.80);

    private static List<RetrievedChunk> twoArticlesFusedAt(double goutScore, double pseudogoutScore) {
        return List.of(
                new RetrievedChunk("gout#0", "gout", 0, "Treatment", "Gout attacks are treated with rest, ice and "
                        + "anti-inflammatory medicines.", "Gout", "https://example.org/gout", 0.80, 1, 1, goutScore),
                new RetrievedChunk("pseudogout#0", "pseudogout", 0, "Treatment", "Pseudogout attacks are treated with "
                        + "rest, ice and anti-inflammatory medicines.", "Pseudogout", "https://example.org/pseudogout",
                        0.80, 2, 2, pseudogoutScore));
    }

    @Test
    void givenALongSection_whenQuoted_thenTheMainPassageStaysWithinTheWordsBudget() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            text.append("Sentence ").append(i).append(" says something about muscle cramps and exercise. ");
        }

        String answer = ExtractiveAnswerer.answer("muscle cramps exercise", List.of(source("long", "Overview",
                text.toString(), 0.8)), WORD_SHARE);

        int words = wordsOf(answer);
        assertTrue(words >= ExtractiveAnswerer.MIN_WORDS && words <= ExtractiveAnswerer.MAX_WORDS, words + ": " + answer);
        assertTrue(answer.startsWith("Sentence 1 says"), answer);
    }

    @Test
    void givenALongSupportingSection_whenQuoted_thenItsPassageIsItsFirstWholeSentencesWithinTheSupportingBudget() {
        // given: a leader, and a second article whose section on the same question runs long
        StringBuilder other = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            other.append("Pseudogout point ").append(i).append(" is that attacks are treated with rest and ice. ");
        }
        List<RetrievedChunk> sources = List.of(
                new RetrievedChunk("gout#0", "gout", 0, "Treatment", "Gout attacks are treated with rest, ice and "
                        + "anti-inflammatory medicines.", "Gout", "https://example.org/gout", 0.80, 1, 1, 0.030),
                new RetrievedChunk("pseudogout#0", "pseudogout", 0, "Treatment", other.toString(), "Pseudogout",
                        "https://example.org/pseudogout", 0.80, 2, 2, 0.029));

        // when
        String answer = ExtractiveAnswerer.answer("How are attacks treated?", sources, scoredBy(p -> 0.8));

        // then: the second source is quoted from its first sentence, whole sentences only, within the budget
        String supporting = Arrays.stream(answer.split("\n\n")).filter(p -> p.contains("[2]")).findFirst()
                .orElseThrow(() -> new AssertionError("no supporting passage: " + answer));
        assertTrue(supporting.startsWith("Pseudogout point 1 is"), supporting);
        assertTrue(supporting.endsWith("ice. [2]") || supporting.endsWith("ice [2]"), supporting);
        int words = wordsOf(supporting);
        assertTrue(words <= ExtractiveAnswerer.MAX_SUPPORTING_WORDS && words >= 10, words + ": " + supporting);
    }

    @Test
    void givenAListThatAChunkJoinRanOntoItsLeadIn_whenAnswering_thenItIsStillQuotedAsAList() {
        String joined = "Twitches tend to appear when a muscle has been worked hard. Typical triggers are: - a long "
                + "session\n- strong coffee";

        String answer = ExtractiveAnswerer.answer("What triggers twitches?", List.of(source("t", "Common triggers",
                joined, 0.8)), WORD_SHARE);

        assertTrue(answer.contains("Typical triggers are: [1]\n- a long session [1]\n- strong coffee [1]"), answer);
    }

    @Test
    void givenAnyDraft_whenVerified_thenEverySentenceAndListLineIsQuotedFromItsSource() {
        List<RetrievedChunk> sources = List.of(source("twitch", "Common triggers", TRIGGERS, 0.8),
                source("water", "How much", "Most adults need about two litres of fluid a day. Drinking to thirst "
                        + "works for most exercise.", 0.79));

        String answer = ExtractiveAnswerer.answer("What triggers twitches after exercise?", sources, WORD_SHARE);

        // Quoted sentences need no embedding: an embedder that fails proves none was asked for.
        AlignedSourceVerifier verifier = new AlignedSourceVerifier(passages -> {
            throw new AssertionError("a quoted draft was embedded: " + passages);
        }, new VerifierSettings(0.80, 0.50, 2, 3));
        List<GroundedSentence> checked = verifier.verify(DraftSplitter.split(answer), sources);
        assertTrue(checked.stream().allMatch(s -> s.supported() && s.reason().equals("quoted")), checked.toString());
    }

    @Test
    void givenNoSourceText_whenAnswering_thenTheDraftIsEmpty() {
        assertEquals("", ExtractiveAnswerer.answer("anything", List.of(source("empty", "Overview", " ", 0.8)), WORD_SHARE));
    }

    @Test
    void givenAnInnerHeading_whenAPassageReachesIt_thenThePassageStopsThere() {
        String text = "Cramps are sudden and painful muscle contractions.\n\nTreatment\n\nStretching the muscle "
                + "eases a cramp.";

        List<Atom> atoms = SourceAtoms.of(text, "Overview");
        Passage passage = Passage.from(0, atoms, 0, ExtractiveAnswerer.MIN_WORDS, ExtractiveAnswerer.MAX_WORDS);

        assertEquals(1, passage.atoms().size(), passage.text());
        assertEquals("Treatment", atoms.get(1).section());
    }

    @Test
    void givenAListWrittenAsSentencesAfterItsLeadIn_whenCutIntoAtoms_thenTheItemsStayWithTheLeadInUpToTheProseAfter() {
        String text = "PH begins with changes in the cells. For example, the condition may develop if:\n\n"
                + "The walls of the arteries tighten.\n\n"
                + "The walls of the arteries are stiff at birth or become stiff from an overgrowth of cells.\n\n"
                + "Blood clots form in the arteries.\n\n"
                + "These changes make it hard for your heart to push blood through your arteries.";

        List<Atom> atoms = SourceAtoms.of(text, "Causes");

        assertEquals(List.of("PH begins with changes in the cells.",
                "For example, the condition may develop if:",
                "These changes make it hard for your heart to push blood through your arteries."),
                atoms.stream().map(Atom::leadIn).toList());
        assertEquals(List.of("- The walls of the arteries tighten.",
                "- The walls of the arteries are stiff at birth or become stiff from an overgrowth of cells.",
                "- Blood clots form in the arteries."), atoms.get(1).items());
    }

    @Test
    void givenAListItemCutOffFromItsLeadIn_whenAnswering_thenItIsNotQuotedAsASentence() {
        String text = "Vaccinating people who have hemophilia for hepatitis A and B\n\n"
                + "The main treatment for hemophilia is called replacement therapy.";
        String leadIn = "Anyone can get hepatitis A, but those more likely to are people who\n\n- travel abroad\n"
                + "- provide child care";

        List<Atom> atoms = SourceAtoms.of(text, "Treatment");
        List<Atom> listed = SourceAtoms.of(leadIn, "Risk");

        assertEquals(List.of("The main treatment for hemophilia is called replacement therapy."),
                atoms.stream().map(Atom::text).toList());
        assertEquals("Anyone can get hepatitis A, but those more likely to are people who", listed.get(0).leadIn(),
                "an unpunctuated line that a list follows is that list's lead-in");
        assertEquals(2, listed.get(0).items().size());
    }

    private static final String LEIGH_RESOURCES = "These resources address the diagnosis or management of Leigh syndrome:\n\n"
            + "- Gene Review: Mitochondrial DNA-Associated Leigh Syndrome and NARP\n"
            + "- Genetic Testing Registry: Leigh syndrome\n"
            + "- Genetic Testing Registry: Leigh syndrome, French Canadian type These resources from MedlinePlus offer "
            + "information about the diagnosis and management of various health conditions:\n"
            + "- Diagnostic Tests\n- Drug Therapy\n- Palliative Care";

    private static final String LEIGH_TREATMENT = "The most common treatment for Leigh's disease is thiamine or vitamin B1. "
            + "Oral sodium bicarbonate or sodium citrate may also be prescribed to manage lactic acidosis.";

    private static RetrievedChunk ranked(String article, String heading, String text, double similarity, double score) {
        return new RetrievedChunk(article + "#0", article, 0, heading, text, "Title of " + article,
                "https://example.org/" + article, similarity, 1, 1, score);
    }

    @Test
    void givenAResourceListLeads_whenAnswering_thenItIsQuotedUpToTheItemThatLeadsIntoAnotherListAndTheTreatmentFollows() {
        List<RetrievedChunk> sources = List.of(ranked("ghr-leigh", "Treatment", LEIGH_RESOURCES, 0.9, 0.040),
                ranked("ninds-leigh", "Treatment", LEIGH_TREATMENT, 0.85, 0.036));

        String answer = ExtractiveAnswerer.answer("How is Leigh syndrome treated?", sources,
                scoredBy(passage -> passage.contains("These resources") ? 0.9 : 0.85));

        assertTrue(answer.startsWith("These resources address the diagnosis or management of Leigh syndrome: [1]\n"
                + "- Gene Review: Mitochondrial DNA-Associated Leigh Syndrome and NARP [1]\n"
                + "- Genetic Testing Registry: Leigh syndrome [1]\n" + ListItems.MORE + " [1]\n\n"
                + "The most common treatment for Leigh's disease is thiamine or vitamin B1. [2]"), answer);
        assertFalse(answer.contains("French Canadian"), "the item the next list's lead-in ran onto: " + answer);
        assertFalse(answer.contains("Drug Therapy"), "the next list: " + answer);
    }

    @Test
    void givenAResourceListAfterTheAnswerInItsSection_whenAnswering_thenThePassageEndsBeforeIt() {
        String text = "Some mutated genes related to breast cancer are more common in certain ethnic groups. There are "
                + "tests that can detect mutated genes. See the following summaries for more information:\n\n"
                + "- Genetics of Breast Cancer\n- Breast Cancer Screening";

        String answer = ExtractiveAnswerer.answer("Is male breast cancer inherited?",
                List.of(source("breast", "Genetic changes", text, 0.8)), WORD_SHARE);

        assertTrue(answer.startsWith("Some mutated genes"), answer);
        assertFalse(answer.contains("Breast Cancer Screening"), answer);
    }

    @Test
    void givenAnotherArticlesResourceListFitsAsWellAsTheMainPassage_whenAnswering_thenItDoesNotSupportIt() {
        List<RetrievedChunk> sources = List.of(ranked("ninds-leigh", "Treatment", LEIGH_TREATMENT, 0.9, 0.040),
                ranked("ghr-leigh", "Treatment", LEIGH_RESOURCES, 0.9, 0.039));

        String answer = ExtractiveAnswerer.answer("How is Leigh syndrome treated?", sources, scoredBy(passage -> 0.9));

        assertTrue(answer.startsWith("The most common treatment"), answer);
        assertFalse(answer.contains("[2]"), "a list of where to read says nothing in support: " + answer);
    }

    @Test
    void givenListsUnderLeadIns_whenAskedWhetherTheyPointElsewhere_thenOnlyListsOfTitlesUnderAPointingLeadInDo() {
        List<Atom> websites = SourceAtoms.of("For more information, visit these websites:\n\n- American Heart "
                + "Association: Angina\n- National Heart, Lung, and Blood Institute: How Is Angina Treated?", "Learn more");
        List<Atom> symptoms = SourceAtoms.of("Symptoms of angina include:\n\n- chest pain\n- pain in the arm",
                "Symptoms");
        List<Atom> advice = SourceAtoms.of("Helpful resources at home include:\n\n- Keep a diary of your pain. "
                + "Show it to your doctor.\n- Rest when the pain starts.", "Living with angina");
        List<Atom> recommended = SourceAtoms.of("The World Health Organization recommends that adults:\n\n"
                + "- do 150 minutes of moderate activity a week\n- break up long periods of sitting", "Guidelines");

        assertTrue(ResourceList.is(websites.get(0)), "a title may ask a question");
        assertFalse(ResourceList.is(recommended.get(0)), "the organisation is who says it, not where to read");
        assertFalse(ResourceList.is(symptoms.get(0)), "the lead-in points nowhere else");
        assertFalse(ResourceList.is(advice.get(0)), "its items are sentences that say what to do");
    }

    private static int wordsOf(String answer) {
        return answer.replace(ListItems.MORE, "").replaceAll("\\[\\d+]", "").replaceAll("(?m)^- ", "").strip().split("\\s+").length;
    }

    /** A GARD symptoms section: three sentences of boilerplate that announce the table ingest made a list of. */
    private static final String PHENOTYPE_LIST = "The Human Phenotype Ontology provides the following list of signs and "
            + "symptoms for ABCD syndrome. If the information is available, the table below includes how often the "
            + "symptom is seen in people with this condition. You can use the MedlinePlus Medical Dictionary to look "
            + "up the definitions for these medical terms.\n\nSigns and Symptoms (approximate number of patients, when "
            + "available):\n- Abnormal auditory evoked potentials\n- Aganglionic megacolon\n- Albinism\n"
            + "- Autosomal recessive inheritance\n- Hearing impairment\n- Hypopigmentation of the fundus\n"
            + "- Large for gestational age\n- Abnormality of the retinal pigment epithelium in both eyes\n"
            + "- Congenital sensorineural hearing impairment of variable severity\n- White forelock of scalp hair\n"
            + "- Intestinal obstruction in the newborn period\n- Failure to pass meconium within two days of birth\n"
            + "- Abdominal distension with vomiting in early infancy\n- Chronic constipation from infancy onwards";

    @Test
    void givenASentenceAnnouncingAListTooLongToQuoteWhole_whenAnswering_thenTheListsFirstItemsFollowItMarkedCut() {
        String answer = ExtractiveAnswerer.answer("What are the symptoms of ABCD syndrome?",
                List.of(source("gard-abcd", "Symptoms", PHENOTYPE_LIST, 0.8)), WORD_SHARE);

        assertTrue(answer.contains("provides the following list of signs and symptoms for ABCD syndrome. [1]"), answer);
        assertTrue(answer.contains("- Abnormal auditory evoked potentials [1]"), answer);
        assertTrue(answer.contains(ListItems.MORE), answer);
        assertFalse(AnswerChecks.danglingLeadIn(answer), answer);
    }

    @Test
    void givenASentenceAnnouncingAListOrTableTheSourceLost_whenAnswering_thenItIsNotQuoted() {
        String text = "Cystic fibrosis is inherited in an autosomal recessive manner. The image below shows how two "
                + "parents who are both carriers can pass the faulty gene to their children. Each child of two carriers "
                + "has a 25 percent chance of having the disease.";

        String answer = ExtractiveAnswerer.answer("Is cystic fibrosis inherited?",
                List.of(source("cf", "Inheritance", text, 0.8)), WORD_SHARE);

        assertFalse(answer.contains("image below"), answer);
        assertTrue(answer.contains("25 percent chance"), answer);
    }

    private static String phenotypeList(String condition, String... items) {
        return "The Human Phenotype Ontology provides the following list of signs and symptoms for " + condition
                + ". If the information is available, the table below includes how often the symptom is seen in people "
                + "with this condition. You can use the MedlinePlus Medical Dictionary to look up the definitions for "
                + "these medical terms.\n\nSigns and Symptoms (approximate number of patients, when available):\n- "
                + String.join("\n- ", items);
    }

    @Test
    void givenTwoArticlesWhoseListsShareALeadIn_whenTheLowerRankedOnesPriorIsHigher_thenTheAskedArticlesListIsStillCompared() {
        List<RetrievedChunk> sources = List.of(
                ranked("gard-type3", "Symptoms", phenotypeList("Camptodactyly syndrome Guadalajara type 3",
                        "Abnormality of the pinna", "Absent phalangeal crease", "Webbed neck"), 0.80, 0.040),
                ranked("gard-type1", "Symptoms", phenotypeList("Camptodactyly syndrome Guadalajara type 1",
                        "Abnormal form of the vertebral bodies", "Short stature", "Pectus excavatum"), 0.90, 0.039));

        String answer = ExtractiveAnswerer.answer("What are the symptoms of Camptodactyly syndrome Guadalajara type 3?",
                sources, WORD_SHARE);

        assertTrue(answer.startsWith("The Human Phenotype Ontology provides the following list of signs and symptoms for "
                + "Camptodactyly syndrome Guadalajara type 3. [1]"), answer);
        assertTrue(answer.contains("- Webbed neck [1]"), answer);
    }

    @Test
    void givenASupportingPassageThatWouldOpenByAnnouncingAList_whenAnswering_thenItIsNotQuoted() {
        List<RetrievedChunk> sources = List.of(
                ranked("ghr-abcd", "Symptoms", "ABCD syndrome is a condition of albinism, a black lock of hair, "
                        + "deafness and a bowel that does not move food along. Babies with ABCD syndrome have pale skin "
                        + "and hair except for the black lock, and they cannot hear from birth. The bowel problem shows "
                        + "in the first days of life.", 0.9, 0.040),
                ranked("gard-abcd", "Symptoms", PHENOTYPE_LIST, 0.9, 0.039));
        ExtractiveAnswerer.PassageSimilarity similarity = scoredBy(text -> text.contains("is a condition of albinism")
                || text.contains("Ontology provides") ? 0.9 : 0.1);

        String answer = ExtractiveAnswerer.answer("What are the symptoms of ABCD syndrome?", sources, similarity);

        assertTrue(answer.startsWith("ABCD syndrome is a condition of albinism"), answer);
        assertFalse(answer.contains("provides the following list"), answer);
        assertFalse(AnswerChecks.danglingLeadIn(answer), answer);
    }
}
