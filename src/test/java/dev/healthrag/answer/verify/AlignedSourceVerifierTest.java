package dev.healthrag.answer.verify;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.retrieval.RetrievedChunk;
import dev.healthrag.text.ListItems;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AlignedSourceVerifierTest {

    private static final RetrievedChunk TWITCHING = source("muscle-twitching", "Twitchy Muscles After a Workout",
            "Easing the twitch", "Most episodes settle by themselves within hours. Gentle walking, a light stretch, "
                    + "a warm shower and a proper meal with a drink usually help. Spreading hard sessions across the "
                    + "week, instead of stacking them, makes repeat episodes less likely.\n\nBook an appointment with "
                    + "a doctor if twitching lasts for weeks, happens all over the body, or comes with weakness.");
    private static final RetrievedChunk ANKLE = source("ankle-sprain", "Ankle Sprains", "First days",
            "Rest the ankle and keep weight off it for the first 48 hours. An ice pack wrapped in a cloth, held on "
                    + "the ankle for 15 to 20 minutes every 2 to 3 hours, limits the swelling.");
    private static final RetrievedChunk PARACETAMOL = source("paracetamol", "Paracetamol", "Dose",
            "Adults can take 500 mg to 1 g of paracetamol every 4 to 6 hours, up to 4 times a day. Do not take "
                    + "paracetamol with other medicines that contain it. Most people do not get side effects.");

    /** A list quoted by its first two items, then marked cut. */
    private static final List<DraftSentence> CUT_LIST = DraftSplitter.split("Signs and symptoms include: [1]\n"
            + "- Congenital stationary night blindness [1]\n- Hemeralopia [1]\n" + ListItems.MORE + " [1]");

    @Inject
    AlignedSourceVerifier verifier;

    @Inject
    Embedder embedder;

    @Inject
    HealthRagConfig config;

    @Test
    void givenADoseTheSourceDoesNotGive_whenVerified_thenTheSentenceIsRemoved() {
        GroundedSentence verdict = verifyOne("Adults can take 2000 mg of paracetamol every 4 to 6 hours [1].",
                List.of(PARACETAMOL));

        assertFalse(verdict.supported());
        assertEquals("number 2000 mg not in source 1", verdict.reason());
    }

    @Test
    void givenTheSourcesDoseInOtherWords_whenVerified_thenTheSentenceIsKept() {
        GroundedSentence verdict = verifyOne("Adults can take 500 milligrams of paracetamol every four to six hours, "
                + "up to four times daily [1].", List.of(PARACETAMOL));

        assertTrue(verdict.supported(), verdict.reason());
        assertEquals(List.of(1), verdict.refs());
    }

    @Test
    void givenAFrequencyTheSourceDoesNotGive_whenVerified_thenTheSentenceIsRemoved() {
        GroundedSentence verdict = verifyOne("Adults can take 500 mg of paracetamol up to 4 times a week [1].",
                List.of(PARACETAMOL));

        assertFalse(verdict.supported());
        assertEquals("frequency 'per week' not in source 1", verdict.reason());
    }

    @Test
    void givenANotTheSourceDoesNotHave_whenVerified_thenTheSentenceIsRemoved() {
        GroundedSentence verdict = verifyOne("Most episodes do not settle by themselves within hours [1].",
                List.of(TWITCHING));

        assertFalse(verdict.supported());
        assertEquals("negation differs from source 1", verdict.reason());
    }

    @Test
    void givenTheSourcesNotDropped_whenVerified_thenTheSentenceIsRemoved() {
        GroundedSentence verdict = verifyOne("Take paracetamol with other medicines that contain it [1].",
                List.of(PARACETAMOL));

        assertFalse(verdict.supported());
        assertEquals("negation differs from source 1", verdict.reason());
    }

    @Test
    void givenAQualifierTheSourceDoesNotHave_whenVerified_thenTheSentenceIsRemoved() {
        GroundedSentence verdict = verifyOne("In children, most episodes settle by themselves within hours [1].",
                List.of(TWITCHING));

        assertFalse(verdict.supported());
        assertEquals("qualifier 'children' not in source 1", verdict.reason());
    }

    @Test
    void givenTheSourcesQualifierDropped_whenVerified_thenTheSentenceIsRemoved() {
        GroundedSentence verdict = verifyOne("You can take 500 mg to 1 g of paracetamol every 4 to 6 hours [1].",
                List.of(PARACETAMOL));

        assertFalse(verdict.supported());
        assertTrue(verdict.reason().contains("'adults'"), verdict.reason());
    }

    @Test
    void givenAHedgeTurnedIntoACertainty_whenVerified_thenTheSentenceIsRemoved() {
        RetrievedChunk source = source("stretch", "Stretching", "Benefits",
                "A light stretch after training may reduce stiffness the next day.");

        GroundedSentence verdict = verifyOne("A light stretch after training will reduce stiffness the next day [1].",
                List.of(source));

        assertFalse(verdict.supported());
        assertEquals("modality differs from source 1", verdict.reason());
    }

    @Test
    void givenASentenceCitedToTheWrongSource_whenVerified_thenItIsReCitedToTheSourceThatSupportsIt() {
        GroundedSentence verdict = verifyOne("Most twitching episodes settle by themselves within a few hours [1].",
                List.of(ANKLE, TWITCHING));

        assertTrue(verdict.supported(), verdict.reason());
        assertEquals(List.of(2), verdict.refs());
        assertTrue(verdict.reason().startsWith("re-cited: supported by source 2 (similarity "), verdict.reason());
    }

    @Test
    void givenAMarkerThatPointsNowhere_whenVerified_thenItIsIgnoredAndTheSupportingSourceCited() {
        GroundedSentence verdict = verifyOne("Most twitching episodes settle by themselves within a few hours [9].",
                List.of(ANKLE, TWITCHING));

        assertTrue(verdict.supported(), verdict.reason());
        assertEquals(List.of(2), verdict.refs());
    }

    @Test
    void givenAnUnmarkedSentenceASourceSupports_whenVerified_thenItGetsCited() {
        GroundedSentence verdict = verifyOne("Rest the ankle and keep your weight off it for the first 48 hours.",
                List.of(TWITCHING, ANKLE));

        assertTrue(verdict.supported(), verdict.reason());
        assertEquals(List.of(2), verdict.refs());
        assertTrue(verdict.reason().startsWith("supported by source 2"), verdict.reason());
    }

    @Test
    void givenAnUnmarkedSentenceNoSourceSupports_whenVerified_thenItIsRemoved() {
        GroundedSentence verdict = verifyOne("Twitching is caused by a parasite that lives in gym equipment.",
                List.of(TWITCHING, ANKLE));

        assertFalse(verdict.supported());
        assertTrue(verdict.refs().isEmpty());
    }

    @Test
    void givenAShortSentenceSharingOneWordWithTheSource_whenVerified_thenItIsRemoved() {
        GroundedSentence verdict = verifyOne("You need no doctor [1].", List.of(TWITCHING));

        assertFalse(verdict.supported());
        assertTrue(verdict.reason().startsWith("no source supports it"), verdict.reason());
    }

    @Test
    void givenAConditionTheSourceNeverNames_whenVerified_thenTheSentenceIsRemoved() {
        GroundedSentence verdict = verifyOne("Most episodes of rhabdomyolysis settle by themselves within hours [1].",
                List.of(TWITCHING));

        assertFalse(verdict.supported());
        assertEquals("term 'rhabdomyolysis' not in source 1", verdict.reason());
    }

    @Test
    void givenAVerbatimDraft_whenVerified_thenEverySentenceIsQuotedWithoutEmbeddingAnything() {
        AtomicInteger calls = new AtomicInteger();
        AlignedSourceVerifier counting = new AlignedSourceVerifier(texts -> {
            calls.incrementAndGet();
            return embedder.embedPassages(texts);
        }, VerifierSettings.of(config.verification()));
        List<DraftSentence> draft = DraftSplitter.split("Most episodes settle by themselves within hours [1]. "
                + "Gentle walking, a light stretch, a warm shower and a proper meal with a drink usually help [1].\n\n"
                + "An ice pack wrapped in a cloth, held on the ankle for 15 to 20 minutes every 2 to 3 hours, limits "
                + "the swelling [2].");

        List<GroundedSentence> verdicts = counting.verify(draft, List.of(TWITCHING, ANKLE));

        assertEquals(List.of("quoted", "quoted", "quoted"), verdicts.stream().map(GroundedSentence::reason).toList());
        assertEquals(List.of(List.of(1), List.of(1), List.of(2)), verdicts.stream().map(GroundedSentence::refs).toList());
        assertEquals(0, calls.get());
    }

    @Test
    void givenAQuotedDefinitionItemWhoseSourceSpacesItsColon_whenVerified_thenItIsQuoted() {
        // MedQuAD's definition lists write "Term : definition"; taking the draft's marker out closes that gap.
        RetrievedChunk tests = source("brain-tumour-tests", "Brain Tumours", "Diagnosis",
                "The following test may be done on the sample of tissue that is removed:\n\n"
                        + "- Immunohistochemistry : A test that uses antibodies to check for certain antigens in a "
                        + "sample of tissue. The antibody is usually linked to a radioactive substance or a dye.");
        List<DraftSentence> draft = DraftSplitter.split("The following test may be done on the sample of tissue "
                + "that is removed: [1]\n- Immunohistochemistry : A test that uses antibodies to check for certain "
                + "antigens in a sample of tissue. The antibody is usually linked to a radioactive substance or a "
                + "dye. [1]");

        List<GroundedSentence> verdicts = verifier.verify(draft, List.of(tests));

        assertEquals(List.of("quoted", "quoted"), verdicts.stream().map(GroundedSentence::reason).toList());
    }

    @Test
    void givenAOneWordItemOfASourcesList_whenVerified_thenItIsQuoted() {
        RetrievedChunk signs = source("night-blindness", "Night Blindness", "Symptoms",
                "Signs and symptoms (approximate number of patients, when available):\n\n"
                        + "- Congenital stationary night blindness\n- Hemeralopia\n- Severe Myopia");
        List<DraftSentence> draft = DraftSplitter.split("Signs and symptoms (approximate number of patients, when "
                + "available): [1]\n- Congenital stationary night blindness [1]\n- Hemeralopia [1]\n- Severe Myopia [1]");

        List<GroundedSentence> verdicts = verifier.verify(draft, List.of(signs));

        assertEquals(List.of("quoted", "quoted", "quoted", "quoted"),
                verdicts.stream().map(GroundedSentence::reason).toList());
    }

    @Test
    void givenAListCutAfterItsSecondItem_whenVerified_thenTheMoreLineIsKeptCitingTheListsSource() {
        RetrievedChunk signs = source("night-blindness", "Night Blindness", "Symptoms",
                "Signs and symptoms include:\n\n- Congenital stationary night blindness\n- Hemeralopia\n- Severe Myopia");

        List<GroundedSentence> verdicts = verifier.verify(CUT_LIST, List.of(TWITCHING, signs));

        GroundedSentence more = verdicts.get(3);
        assertTrue(more.supported(), more.reason());
        assertEquals(List.of(2), more.refs(), "cites the list's source, whatever the draft's marker said");
    }

    @Test
    void givenAMoreLineAfterTheLastItemOfTheSourcesList_whenVerified_thenItIsRemoved() {
        RetrievedChunk signs = source("night-blindness", "Night Blindness", "Symptoms",
                "Signs and symptoms include:\n\n- Congenital stationary night blindness\n- Hemeralopia");

        List<GroundedSentence> verdicts = verifier.verify(CUT_LIST, List.of(signs));

        assertEquals(List.of(true, true, true, false), verdicts.stream().map(GroundedSentence::supported).toList());
    }

    @Test
    void givenAMoreLineAfterARemovedItem_whenVerified_thenItIsRemovedWithIt() {
        List<DraftSentence> draft = DraftSplitter.split("Rest the ankle and keep weight off it for the first 48 "
                + "hours. [1]\n- Take 2 g of paracetamol every hour [1]\n" + ListItems.MORE + " [1]");

        List<GroundedSentence> verdicts = verifier.verify(draft, List.of(ANKLE));

        assertEquals(List.of(true, false, false), verdicts.stream().map(GroundedSentence::supported).toList());
    }

    @Test
    void givenOneWordOfASourceSentence_whenVerified_thenItIsNotTakenAsAQuote() {
        GroundedSentence verdict = verifyOne("Hours [1].", List.of(TWITCHING));

        assertFalse(verdict.supported());
    }

    @Test
    void givenAModelDraft_whenVerified_thenDraftAndSourceSentencesAreEmbeddedInOneCall() {
        List<Integer> batches = new ArrayList<>();
        AlignedSourceVerifier counting = new AlignedSourceVerifier(texts -> {
            batches.add(texts.size());
            return embedder.embedPassages(texts);
        }, VerifierSettings.of(config.verification()));
        List<DraftSentence> draft = DraftSplitter.split("Twitches usually settle within hours [1]. Keep weight off "
                + "a sprained ankle for the first 48 hours [2]. Ice it for 15 to 20 minutes every 2 to 3 hours [2].");

        List<GroundedSentence> verdicts = counting.verify(draft, List.of(TWITCHING, ANKLE, PARACETAMOL));

        assertEquals(1, batches.size(), "one embedding call for the whole draft");
        assertEquals(3, verdicts.size());
    }

    private GroundedSentence verifyOne(String sentence, List<RetrievedChunk> sources) {
        List<DraftSentence> draft = DraftSplitter.split(sentence);
        assertEquals(1, draft.size());
        return verifier.verify(draft, sources).get(0);
    }

    private static RetrievedChunk source(String id, String title, String heading, String text) {
        return new RetrievedChunk(id + "-0", id, 0, heading, text, title, "https://example.org/" + id, 0.8, 1, 1, 0.1);
    }
}
