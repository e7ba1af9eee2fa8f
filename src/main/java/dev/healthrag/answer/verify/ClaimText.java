package dev.healthrag.answer.verify;

import dev.healthrag.text.ListItems;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One normal form for a draft sentence and a source sentence, so the verifier's checks compare meaning rather
 * than spelling: lower case, contractions expanded ("can't" → "can not"), number words as digits ("two" → "2",
 * "twice" → "2 times"), one spelling per unit ("milligrams" → "mg") and per frequency ("daily", "a day" →
 * "per day"), no space before punctuation. Both sides go through the same rules, so a rule that is too broad
 * cancels out.
 */
final class ClaimText {

    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
            Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"),
            Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
            Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"), Map.entry("twelve", "12"),
            Map.entry("fifteen", "15"), Map.entry("twenty", "20"), Map.entry("thirty", "30"),
            Map.entry("forty", "40"), Map.entry("fifty", "50"), Map.entry("hundred", "100"),
            Map.entry("once", "1 times"), Map.entry("twice", "2 times"), Map.entry("thrice", "3 times"),
            Map.entry("half", "0.5"), Map.entry("dozen", "12"));
    private static final Pattern NUMBER_WORD = Pattern.compile("\\b(" + String.join("|", NUMBER_WORDS.keySet()) + ")\\b");
    private static final String[][] REWRITES = {
            {"[\u2018\u2019\u02bc]", "'"},
            {"\\bcannot\\b", "can not"}, {"\\bcan't\\b", "can not"}, {"\\bwon't\\b", "will not"},
            {"\\bshan't\\b", "shall not"}, {"n't\\b", " not"},
            {"(\\d),(\\d{3})\\b", "$1$2"},
            {"(\\d)\\s*-\\s*(?=[a-z])", "$1 "},
            {"(\\d)\\s*(?:%|per ?cent\\b)", "$1 percent"},
            {"\\b(?:milligrams?|mgs)\\b", "mg"}, {"\\b(?:micrograms?|\u00b5g|ug)\\b", "mcg"},
            {"\\b(?:grams?|gm)\\b", "g"}, {"\\b(?:kilograms?|kgs)\\b", "kg"},
            {"\\b(?:milliliters?|millilitres?|mls)\\b", "ml"}, {"\\b(?:liters?|litres?)\\b", "l"},
            {"\\b(?:international units?)\\b", "iu"},
            {"(\\d) ?(?:hours?|hrs?|h)\\b", "$1 hours"}, {"(\\d) ?(?:minutes?|mins?)\\b", "$1 minutes"},
            {"(\\d) ?days?\\b", "$1 days"}, {"(\\d) ?weeks?\\b", "$1 weeks"}, {"(\\d) ?months?\\b", "$1 months"},
            {"(\\d) ?(?:years?|yrs?)\\b", "$1 years"}, {"(\\d) ?times?\\b", "$1 times"},
            {"\\b(?:daily|a day|each day|every day|per day)\\b", "per day"},
            {"\\b(?:weekly|a week|each week|every week|per week)\\b", "per week"},
            {"\\b(?:monthly|a month|each month|every month|per month)\\b", "per month"},
            {"\\b(?:hourly|an hour|each hour|every hour|per hour)\\b", "per hour"},
            // Markers.strip closes the gap before punctuation that a removed marker leaves ("tests [1]:" -> "tests:"),
            // so a source's "Biopsy : A procedure" must read as the quote "Biopsy: A procedure" does.
            {"\\s+([,.;:!?])", "$1"},
            {"\\s+", " "}};
    private static final Pattern[] REWRITE_PATTERNS = new Pattern[REWRITES.length];
    private static final Pattern TOKEN = Pattern.compile("[a-z]+|\\d+(?:\\.\\d+)?");

    static {
        for (int i = 0; i < REWRITES.length; i++) {
            REWRITE_PATTERNS[i] = Pattern.compile(REWRITES[i][0]);
        }
    }

    private ClaimText() {
    }

    static String normalise(String text) {
        String out = NUMBER_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(m -> NUMBER_WORDS.get(m.group(1)));
        for (int i = 0; i < REWRITES.length; i++) {
            out = REWRITE_PATTERNS[i].matcher(out).replaceAll(REWRITES[i][1]);
        }
        return out.strip();
    }

    /** Words and numbers of a normalised text, in order. */
    static List<String> tokens(String normalised) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(normalised);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    /**
     * A root for matching a word's forms ("cure", "cured", "cures" → "cur"); cruder than
     * {@link dev.healthrag.retrieval.Terms}, which keeps "cure" and "cured" apart.
     */
    static String root(String word) {
        for (String suffix : new String[] {"ing", "ed", "es", "s", "e", "ly"}) {
            if (word.endsWith(suffix) && word.length() - suffix.length() >= 3) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }

    /** The text compared for quotation: normalised, without list bullets or closing punctuation. */
    static String quotable(String text) {
        return normalise(ListItems.withoutMarker(text))
                .replaceAll("[\\s.!?;:,]+$", "");
    }
}
