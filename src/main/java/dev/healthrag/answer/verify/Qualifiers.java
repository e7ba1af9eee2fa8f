package dev.healthrag.answer.verify;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The populations a sentence is about: advice for adults is not advice for children, nor for pregnancy or
 * kidney disease, so a draft may neither add such a qualifier to a source sentence nor drop one from it.
 */
final class Qualifiers {

    private static final Map<String, Pattern> GROUPS = new LinkedHashMap<>();

    static {
        // Elderly first: "older adults" must not also count as "adults".
        group("elderly", "elderly|older (?:adults?|people|persons?|patients?|women|men|individuals)|seniors?"
                + "|(?:over|aged|age|older than) 65|people over 65|the aged");
        group("children", "child|children|kids?|pediatric|paediatric|schoolchildren");
        group("infants", "infants?|bab(?:y|ies)|newborns?|neonat\\w*|toddlers?");
        group("teenagers", "teens?|teenagers?|adolescents?");
        group("adults", "adults?|adulthood|grown-ups?");
        group("pregnancy", "pregnan\\w*|expectant mothers?");
        group("breastfeeding", "breast-?feed\\w*|breast feed\\w*|nursing mothers?|lactat\\w*");
        group("kidney disease", "(?:kidney|renal) (?:disease|problems?|failure|impairment|insufficiency)");
        group("liver disease", "(?:liver|hepatic) (?:disease|problems?|failure|impairment|insufficiency)");
    }

    private Qualifiers() {
    }

    private static void group(String name, String alternatives) {
        GROUPS.put(name, Pattern.compile("\\b(?:" + alternatives + ")\\b"));
    }

    /** The groups a normalised text names, in a fixed order. */
    static Set<String> of(String normalised) {
        Set<String> found = new LinkedHashSet<>();
        String rest = normalised;
        for (Map.Entry<String, Pattern> group : GROUPS.entrySet()) {
            if (group.getValue().matcher(rest).find()) {
                found.add(group.getKey());
                rest = group.getValue().matcher(rest).replaceAll(" ");
            }
        }
        return found;
    }

    /** All the groups this verifier knows, for drafts and tests that want to name one. */
    static Set<String> known() {
        return GROUPS.keySet();
    }
}
