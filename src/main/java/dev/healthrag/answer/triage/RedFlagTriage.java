package dev.healthrag.answer.triage;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Red-flag phrases, one list per category: the first that matches decides. */
@ApplicationScoped
public class RedFlagTriage implements EmergencyTriage {

    private static final Map<EmergencyCategory, Pattern> RED_FLAGS = new LinkedHashMap<>();

    static {
        RED_FLAGS.put(EmergencyCategory.SUICIDE, Pattern.compile("suicid|kill (myself|me)|end my life|self[- ]harm"));
        RED_FLAGS.put(EmergencyCategory.CHEST_PAIN,
                Pattern.compile("chest (pain|pressure|tightness)|pain in (my|the) chest|heart attack"));
        RED_FLAGS.put(EmergencyCategory.BREATHING, Pattern.compile(
                "(can'?t|cannot|can not|hard to|trouble|difficulty|struggling to) breath|stopped breathing|not breathing"));
        RED_FLAGS.put(EmergencyCategory.UNRESPONSIVE,
                Pattern.compile("(passed|pass) out|faint(ed|ing)|unconscious|unresponsive|collapsed"));
        RED_FLAGS.put(EmergencyCategory.STROKE, Pattern.compile(
                "slurred speech|face (is )?droop|numb(ness)? on one side|weak(ness)? on one side|stroke"));
        RED_FLAGS.put(EmergencyCategory.SEIZURE, Pattern.compile("seizure|convulsion"));
        RED_FLAGS.put(EmergencyCategory.RHABDO, Pattern.compile("(dark|brown|cola|tea)[- ]colou?red (urine|pee)"
                + "|(dark|brown) (pee|urine)|(pee|urine) (is|looks|was|turned|went) (very )?(dark|brown|cola|black)"));
        RED_FLAGS.put(EmergencyCategory.HEAT_STROKE,
                Pattern.compile("confus(ed|ion).{0,40}(heat|hot)|(heat|hot).{0,40}confus(ed|ion)|heat ?stroke"));
        RED_FLAGS.put(EmergencyCategory.ANAPHYLAXIS, Pattern.compile("throat (is )?(swelling|closing)|anaphyla"));
        RED_FLAGS.put(EmergencyCategory.BLEEDING,
                Pattern.compile("(severe|heavy|uncontrolled) bleeding|coughing (up )?blood|vomiting blood"));
    }

    @Override
    public TriageDecision assess(String message) {
        String text = message.toLowerCase(Locale.ROOT);
        for (Map.Entry<EmergencyCategory, Pattern> flag : RED_FLAGS.entrySet()) {
            if (flag.getValue().matcher(text).find()) {
                return TriageDecision.emergency(flag.getKey(), 1.0, "red-flag phrase");
            }
        }
        return TriageDecision.notEmergency(0.0, "no red-flag phrase");
    }
}
