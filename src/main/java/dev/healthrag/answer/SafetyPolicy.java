package dev.healthrag.answer;

import dev.healthrag.HealthRagConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What code, never the model, adds to every answer: the fixed disclaimer, and a pointer to emergency
 * help when the question describes a red-flag symptom.
 */
@ApplicationScoped
public class SafetyPolicy {

    public static final String EMERGENCY_NOTICE = "What you describe can be a medical emergency. If it is happening "
            + "now, call your local emergency number (such as 911 or 112) or go to the nearest emergency department.";

    // Symptoms for which waiting for an article is the wrong advice. Kept deliberately broad:
    // a needless pointer to emergency care costs little, a missed one can cost a life.
    private static final List<Pattern> RED_FLAGS = List.of(
            Pattern.compile("chest (pain|pressure|tightness)|pain in (my|the) chest|heart attack"),
            Pattern.compile("(can'?t|cannot|can not|hard to|trouble|difficulty|struggling to) breath"),
            Pattern.compile("short(ness)? of breath at rest|stopped breathing|not breathing"),
            Pattern.compile("(passed|pass) out|faint(ed|ing)|unconscious|unresponsive|collapsed"),
            Pattern.compile("slurred speech|face (is )?droop|numb(ness)? on one side|weak(ness)? on one side|stroke"),
            Pattern.compile("seizure|convulsion"),
            Pattern.compile("suicid|kill (myself|me)|end my life|self[- ]harm"),
            Pattern.compile("(dark|brown|cola|tea)[- ]colou?red (urine|pee)|(dark|brown) (pee|urine)"
                    + "|(pee|urine) (is|looks|was|turned|went) (very )?(dark|brown|cola|black)"),
            Pattern.compile("confus(ed|ion).{0,40}(heat|hot)|(heat|hot).{0,40}confus(ed|ion)|heat ?stroke"),
            Pattern.compile("throat (is )?(swelling|closing)|anaphyla"),
            Pattern.compile("(severe|heavy|uncontrolled) bleeding|coughing (up )?blood|vomiting blood"));

    private final String disclaimer;

    public SafetyPolicy(HealthRagConfig config) {
        this.disclaimer = config.disclaimer().strip();
    }

    public String disclaimer() {
        return disclaimer;
    }

    public boolean isEmergency(String question) {
        String text = question.toLowerCase(Locale.ROOT);
        return RED_FLAGS.stream().anyMatch(flag -> flag.matcher(text).find());
    }

    /** The final text on every channel: emergency pointer first if needed, the disclaimer always last. */
    public String finish(String body, boolean emergency) {
        String withNotice = emergency ? EMERGENCY_NOTICE + "\n\n" + body.strip() : body.strip();
        return withNotice + "\n\n" + disclaimer;
    }
}
