package dev.healthrag.answer.extractive;

import dev.healthrag.text.ListItems;

import java.util.regex.Pattern;

/**
 * Whether a sentence leans on the one before it: it opens with a word that points back ("This", "They",
 * "Both", "The condition"...) or with a connective that continues an argument ("However", "In addition").
 * Read first, such a sentence refers to nothing, so a passage never starts with one.
 */
final class Anaphora {

    private static final Pattern REFERS_BACK = Pattern.compile(
            "^(?:this|these|that|those|both|it|its|they|them|their|such|either|neither|another|he|she|his|her|"
                    + "however|also|additionally|furthermore|moreover|therefore|thus|hence|otherwise|instead|"
                    + "similarly|likewise|still|then|but|and|or|so|yet|in addition|in this|in these|in such|"
                    + "as a result|for this reason|because of this|in some of these|in most of these|"
                    + "the (?:condition|disease|disorder|syndrome|infection|illness|problem|drug|medicine|test|"
                    + "procedure|treatment|virus|bacteria|cancer|tumou?r|latter|former|same)s?)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "It is important to...", "It is estimated that...": "it" that stands for nothing before it. */
    private static final Pattern DUMMY_IT = Pattern.compile(
            "^it(?:'s| is| was| may be| can be| has been| might be)(?: not| also| often| usually)? "
                    + "(?:important|possible|impossible|estimated|thought|believed|recommended|unclear|unknown|"
                    + "not known|known|likely|unlikely|best|common|rare|hard|difficult|essential|necessary|"
                    + "helpful|useful|normal|a good idea|always|never)\\b",
            Pattern.CASE_INSENSITIVE);

    private Anaphora() {
    }

    static boolean refersBack(String sentence) {
        String text = ListItems.withoutMarker(sentence.strip()).replaceFirst("^[\"'\u201C(]+", "");
        return REFERS_BACK.matcher(text).find() && !DUMMY_IT.matcher(text).find();
    }
}
