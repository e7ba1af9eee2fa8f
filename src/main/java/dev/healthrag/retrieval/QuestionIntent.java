package dev.healthrag.retrieval;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What kind of answer a question asks for, and which section headings hold that kind: "What causes..."
 * is answered by a "Causes" or "Common triggers" section. A question may ask for several kinds; one that asks
 * for none of the others asks for the overview.
 */
public enum QuestionIntent {
    SYMPTOMS("symptom|signs?\\b|feel like|look like|what happens|how do (?:i|you) know", "symptom|sign|feature|presentation"),
    TREATMENT("treat|therap|cure|manag|medicat|medicine|drug|remed|get rid|reliev|\\beas(?:e|ing)\\b|sooth|help with|"
            + "what can (?:i|be) do|surgery",
            "treat|therap|manag|medicat|cure|easing|relie|self-care|home care"),
    CAUSES("cause|why (?:do|does|did|am|is|are)|trigger|what makes|reason|leads? to", "cause|trigger|why|etiolog|risk"),
    PREVENTION("prevent|avoid|lower (?:the|my) risk|reduce (?:the|my) risk|protect", "prevent|avoid|protect"),
    DIAGNOSIS("diagnos|tests?\\b|exam|detect|screen|check for|find out if", "diagnos|test|exam|screen|detect"),
    OUTLOOK("outlook|prognos|life expectancy|surviv|recover|go away|how long|lifespan|chance",
            "outlook|prognos|expect|surviv|recover"),
    INHERITANCE("inherit|genetic|hereditar|run in (?:the )?famil|pass(?:ed)? (?:it )?(?:on|down)|genes?\\b",
            "inherit|genetic|gene"),
    FREQUENCY("how many|how common|frequen|prevalen|how often", "frequen|prevalen|how common|statistic"),
    RESEARCH("research|clinical trial|stud(?:y|ies)|being done", "research|trial|stud"),
    RISK("at risk|risk factor|who gets|susceptib|more likely", "risk|who gets"),
    COMPLICATIONS("complication", "complication"),
    STAGES("stages?\\b", "stage"),
    WHEN_TO_SEE("see a doctor|when should|worr|serious|emergency|get checked", "checked|doctor|when to|seek|warning"),
    /** Asked by every question that asks for nothing more specific, in so many words ("what is") or not. */
    OVERVIEW(null, "overview|what is|about|summary|descri");

    private final Pattern asks;
    private final Pattern heading;

    QuestionIntent(String asks, String heading) {
        this.asks = asks == null ? null : Pattern.compile(asks, Pattern.CASE_INSENSITIVE);
        this.heading = Pattern.compile(heading, Pattern.CASE_INSENSITIVE);
    }

    /**
     * The kinds the question asks for; the overview when it asks for nothing more specific, whether it says so
     * ("what is") or not: a message that only names its subject ("my cousin has Leber amaurosis, I don't know where
     * to start") is answered best by what the subject is, not by whichever section resembles its words.
     */
    public static Set<QuestionIntent> of(String question) {
        String text = question.toLowerCase(Locale.ROOT);
        Set<QuestionIntent> intents = EnumSet.noneOf(QuestionIntent.class);
        for (QuestionIntent intent : values()) {
            if (intent.asks != null && intent.asks.matcher(text).find()) {
                intents.add(intent);
            }
        }
        if (intents.isEmpty()) {
            intents.add(OVERVIEW);
        }
        return intents;
    }

    /** Whether a section with this heading answers a question of any of these kinds. */
    public static boolean answeredBy(Set<QuestionIntent> intents, String heading) {
        return heading != null && intents.stream().anyMatch(intent -> intent.heading.matcher(heading).find());
    }
}
