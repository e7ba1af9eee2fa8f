package dev.healthrag.ingest;

import dev.healthrag.store.Abbreviation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Schwartz and Hearst's extraction, on sentences written like MedQuAD's and on generated text. */
class AbbreviationExtractorTest {

    @Example
    void aLongFormBeforeItsShortFormInParenthesesIsFound() {
        List<Abbreviation> pairs = AbbreviationExtractor.extract(
                "Symptoms of normal pressure hydrocephalus (NPH) include trouble walking.");

        assertEquals(List.of(new Abbreviation("NPH", "normal pressure hydrocephalus")), pairs);
    }

    @Example
    void onlyTheWordsTheShortFormNeedsAreTaken() {
        List<Abbreviation> pairs = AbbreviationExtractor.extract(
                "People who smoke often develop chronic obstructive pulmonary disease (COPD) later in life.");

        assertEquals(List.of(new Abbreviation("COPD", "chronic obstructive pulmonary disease")), pairs);
    }

    @Example
    void aShortFormBeforeALongFormInParenthesesIsFound() {
        List<Abbreviation> pairs = AbbreviationExtractor.extract(
                "The test for VDRL (venereal disease research laboratory) antibodies is a blood test.");

        assertEquals(List.of(new Abbreviation("VDRL", "venereal disease research laboratory")), pairs);
    }

    @Example
    void shortFormsWithDigitsAndMixedCaseAreFound() {
        List<Abbreviation> pairs = AbbreviationExtractor.extract(
                "It affects divalent metal transporter 1 (DMT1) and methylcobalamin (MeCbl) levels.");

        assertEquals(List.of(new Abbreviation("DMT1", "divalent metal transporter 1"),
                new Abbreviation("MeCbl", "methylcobalamin")), pairs);
    }

    @Example
    void lowerCaseGlossesAndParenthesesThatMatchNothingAreNotAbbreviations() {
        assertEquals(List.of(), AbbreviationExtractor.extract(
                "Most people have dysphagia (difficulty swallowing) and odynophagia (painful swallowing)."));
        assertEquals(List.of(), AbbreviationExtractor.extract("It was first described in 1912 (Smith)."));
        assertEquals(List.of(), AbbreviationExtractor.extract("An unclosed (NPH parenthesis"));
    }

    @Example
    void aShortFormWhoseLettersAreNotInTheWordsBeforeIsRefused() {
        assertNull(AbbreviationExtractor.bestLongForm("XYZ", "normal pressure hydrocephalus"));
        assertEquals(List.of(), AbbreviationExtractor.extract("Symptoms of the condition (XYZ) vary."));
    }

    @Example
    void aLongFormStopsAtTheClauseBeforeIt() {
        List<Abbreviation> pairs = AbbreviationExtractor.extract(
                "Doctors test the blood, and magnetic resonance imaging (MRI) shows the brain.");

        assertEquals(List.of(new Abbreviation("MRI", "magnetic resonance imaging")), pairs);
    }

    @Example
    void anArticlesTitleHeadingsAndSectionsAreAllRead() {
        Article article = new Article("a", "Amyotrophic lateral sclerosis (ALS)", "", ArticleMetadata.empty(),
                List.of(new Section("Overview", "Cystic fibrosis (CF) is inherited. Again, cystic fibrosis (CF).")),
                "markdown");

        assertEquals(List.of(new Abbreviation("ALS", "Amyotrophic lateral sclerosis"),
                new Abbreviation("CF", "Cystic fibrosis")), AbbreviationExtractor.of(article));
    }

    @Property(tries = 500)
    void neverThrowsAndEveryPairIsWrittenInTheText(@ForAll("untrustedText") String text) {
        for (Abbreviation pair : AbbreviationExtractor.extract(text)) {
            assertTrue(text.contains(pair.shortForm()), pair + " short form not in text");
            assertTrue(text.contains(pair.longForm()), pair + " long form not in text");
        }
    }

    @Property(tries = 500)
    void everyPairFollowsTheAlgorithmsRules(@ForAll("definitions") String text) {
        for (Abbreviation pair : AbbreviationExtractor.extract(text)) {
            String shortForm = pair.shortForm().toLowerCase(Locale.ROOT);
            String longForm = pair.longForm().toLowerCase(Locale.ROOT);
            // the short form's first character starts a word of the long form
            char first = shortForm.charAt(0);
            assertTrue(longForm.charAt(0) == first || longForm.contains(" " + first)
                    || longForm.contains("-" + first), pair.toString());
            // its letters and digits are found in the long form, in order
            int at = 0;
            for (char c : shortForm.toCharArray()) {
                if (Character.isLetterOrDigit(c)) {
                    at = longForm.indexOf(c, at);
                    assertTrue(at >= 0, pair.toString());
                    at++;
                }
            }
            long letters = shortForm.chars().filter(Character::isLetterOrDigit).count();
            int words = longForm.strip().split("\\s+").length;
            assertTrue(letters >= 2 && letters <= 10, pair.toString());
            assertTrue(words <= Math.min(letters + 5, 2 * letters), pair.toString());
            assertTrue(longForm.length() > shortForm.length(), pair.toString());
            assertTrue(pair.shortForm().chars().anyMatch(Character::isUpperCase), pair.toString());
        }
    }

    @Property(tries = 300)
    void aGeneratedAcronymOfItsOwnWordsIsFound(@ForAll("phrases") List<String> words) {
        String longForm = String.join(" ", words);
        StringBuilder acronym = new StringBuilder();
        words.forEach(word -> acronym.append(Character.toUpperCase(word.charAt(0))));
        // the algorithm refuses a long form that holds its short form ("aa aa (AA)"): not this property's concern
        Assume.that(!longForm.contains(acronym.toString().toLowerCase(Locale.ROOT)));
        String text = "Some people have " + longForm + " (" + acronym + ") for years.";

        List<Abbreviation> pairs = AbbreviationExtractor.extract(text);

        assertEquals(1, pairs.size(), text + " -> " + pairs);
        assertEquals(acronym.toString(), pairs.get(0).shortForm());
        // the shortest run of words that holds the letters: never longer than the phrase written
        assertTrue(longForm.endsWith(pairs.get(0).longForm()), text + " -> " + pairs);
    }

    @Provide
    Arbitrary<String> untrustedText() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().withChars("()., ;ABCabc1-\n\u00a0").ofMaxLength(30),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.of(" (", ")", ". ", ", ", "; ", " (NPH)", " (a (b) c)", "((", "))", " ( ) "));
        return pieces.list().ofMaxSize(12).map(list -> String.join("", list));
    }

    @Provide
    Arbitrary<String> definitions() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(9);
        Arbitrary<String> shortForm = Arbitraries.strings().withCharRange('A', 'Z').withChars('1', '-', 'a')
                .ofMinLength(1).ofMaxLength(12);
        return Combinators.combine(word.list().ofMinSize(1).ofMaxSize(9), shortForm, Arbitraries.of(true, false))
                .as((words, sf, reversed) -> reversed
                        ? sf + " (" + String.join(" ", words) + ") is named."
                        : String.join(" ", words) + " (" + sf + ") is named.");
    }

    @Provide
    Arbitrary<List<String>> phrases() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(10)
                .list().ofMinSize(2).ofMaxSize(5);
    }
}
