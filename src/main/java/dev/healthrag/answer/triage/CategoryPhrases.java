package dev.healthrag.answer.triage;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hallmark phrases of some categories (the most specific of the former red-flag list): they never decide whether a
 * message is an emergency, only which category an emergency is: a message naming exactly one of them gets that
 * category whatever its nearest exemplars favour, as "clutching his chest and can't get words out" is chest pain
 * although its words sit nearer stroke exemplars. A category decides which text the reader is told (crisis line,
 * poison control, emergency number), so the hallmarks of medical emergencies that sit near crisis messages in
 * meaning count too: a face drooping, a knock to the head, an allergic reaction.
 */
final class CategoryPhrases {

    private static final Map<EmergencyCategory, Pattern> PHRASES = new EnumMap<>(EmergencyCategory.class);

    static {
        PHRASES.put(EmergencyCategory.CHEST_PAIN, Pattern.compile(
                "chest (pain|pressure|tightness|hurts|is tight|feels tight)|(clutching|holding|grabbing) (his|her|my|their) chest|heart attack"));
        PHRASES.put(EmergencyCategory.SUICIDE,
                Pattern.compile("suicid|kill (myself|himself|herself)|end (my|his|her) life|self[- ]harm|(and|to) (not|never) wake up"
                        + "|(going|gonna|wants?|trying|threaten(s|ed|ing)?) to (hurt|harm|cut|kill) (himself|herself|themselves)"));
        PHRASES.put(EmergencyCategory.SEIZURE, Pattern.compile("seizure|convuls|fitting|having a fit"));
        PHRASES.put(EmergencyCategory.ANAPHYLAXIS, Pattern.compile("throat (is )?(swelling|closing)|anaphyla|epipen"
                + "|allergic (reaction|to)|hives|welts|(lips?|tongue) (is |are )?(swelling|swollen|puffing)"));
        PHRASES.put(EmergencyCategory.STROKE, Pattern.compile("droop|lopsided|crooked (smile|face|mouth)"
                + "|sudden(ly)? (\\w+ ){0,3}slurr"
                + "|one side of (his|her|my|their) face|(arm|one) (just )?(drift|drifted|drifts|drifting) down"));
        PHRASES.put(EmergencyCategory.HEAD_INJURY, Pattern.compile("(hit|bumped|banged|knocked|smacked|struck) (his|her|my|their) head"
                + "|(knock|blow|bang|hit) (to|on) the head|head injury|concussion"));
        // Bleeding that pressure does not stop; in pregnancy the neighbours pick heavy bleeding in pregnancy instead.
        PHRASES.put(EmergencyCategory.BLEEDING, Pattern.compile("^(?![\\s\\S]*(pregnan|weeks along|miscarr))[\\s\\S]*("
                + "(bleeding|blood) (won'?t|wont|will not|doesn'?t|does not|isn'?t|is not|can'?t|cannot|hasn'?t|has not)"
                + " (stop|slow)|won'?t stop bleeding|spurting|blood everywhere|pool of blood|soaked (through|with blood))"));
        // A dozen pills or more, an empty bottle, gas or fumes: poison control's text, which also covers "on purpose".
        PHRASES.put(EmergencyCategory.POISONING, Pattern.compile("overdos|poison|carbon monoxide"
                + "|\\bco (alarm|detector)|bleach|fumes|empty (pill |medicine )?bottle"
                + "|(took|swallowed|taken|ate|downed|popped) (like |about |around |maybe |almost |over |at least )?"
                + "(\\d{2,}|twelve|fifteen|twenty|thirty|fifty|a (whole )?(bunch|handful|bottle|strip|pack|box|load) of"
                + "|all (of )?(the|my|her|his|their)) ([\\w-]+ ){0,3}(pills?|tablets?|capsules?|caps|meds|medicines?"
                + "|medications?|painkillers?|sleeping|antidepressants?|tylenol|paracetamol|acetaminophen|ibuprofen"
                + "|advil|aspirin|gummies|vitamins?)"));
    }

    private CategoryPhrases() {
    }

    /** The categories whose hallmark phrase {@code message} contains. */
    static Set<EmergencyCategory> in(String message) {
        String text = message.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        Set<EmergencyCategory> named = EnumSet.noneOf(EmergencyCategory.class);
        PHRASES.forEach((category, pattern) -> {
            if (pattern.matcher(text).find()) {
                named.add(category);
            }
        });
        return named;
    }
}
