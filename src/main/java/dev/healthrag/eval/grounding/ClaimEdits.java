package dev.healthrag.eval.grounding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deterministic edits that turn a source sentence into a claim, after FactCC (Kryscinski et al., 2020):
 * meaning-preserving ones (a clause dropped, clauses reordered, common words swapped for synonyms) and
 * meaning-changing ones (a number changed, a negation flipped, a population qualifier swapped or added).
 * Each returns empty when it does not apply to the sentence.
 */
final class ClaimEdits {

    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("common", "frequent"), Map.entry("often", "frequently"), Map.entry("usually", "typically"),
            Map.entry("doctor", "physician"), Map.entry("illness", "sickness"), Map.entry("begin", "start"),
            Map.entry("begins", "starts"), Map.entry("many", "numerous"), Map.entry("large", "big"),
            Map.entry("small", "little"), Map.entry("rare", "uncommon"), Map.entry("help", "assist"),
            Map.entry("helps", "assists"), Map.entry("need", "require"), Map.entry("needs", "requires"),
            Map.entry("show", "display"), Map.entry("shows", "displays"), Map.entry("serious", "severe"),
            Map.entry("problems", "difficulties"), Map.entry("problem", "difficulty"), Map.entry("also", "additionally"),
            Map.entry("occur", "happen"), Map.entry("occurs", "happens"), Map.entry("people", "individuals"),
            Map.entry("important", "essential"), Map.entry("include", "comprise"), Map.entry("includes", "comprises"),
            Map.entry("however", "nevertheless"), Map.entry("use", "employ"), Map.entry("used", "employed"),
            Map.entry("quickly", "rapidly"), Map.entry("body", "organism"), Map.entry("main", "primary"),
            Map.entry("affects", "involves"), Map.entry("affect", "involve"), Map.entry("cause", "lead to"),
            Map.entry("causes", "leads to"), Map.entry("caused", "brought on"), Map.entry("shown", "demonstrated"),
            Map.entry("symptoms", "signs"), Map.entry("treat", "manage"), Map.entry("treated", "managed"),
            Map.entry("get", "obtain"), Map.entry("find", "discover"), Map.entry("reduce", "lower"),
            Map.entry("increase", "raise"), Map.entry("risk", "chance"), Map.entry("usual", "typical"),
            Map.entry("several", "a number of"), Map.entry("about", "approximately"), Map.entry("called", "known as"));
    private static final Pattern WORD = Pattern.compile("\\b[A-Za-z]+\\b");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(?:\\.\\d+)?\\b|\\b(?:one|two|three|four|five|six|"
            + "seven|eight|nine|ten|twice)\\b", Pattern.CASE_INSENSITIVE);
    private static final List<String> WORD_NUMBERS = List.of("one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten");
    private static final Pattern AUXILIARY = Pattern.compile("\\b(is|are|was|were|can|may|should|will|does|do|could|"
            + "might|must|has|have)\\b(?! not\\b)");
    private static final Pattern NEGATION = Pattern.compile("\\b(?:(?:is|are|was|were|does|do|did|can|should|will|"
            + "could|may|has|have)( not)|(cannot)|(never) |(no) (?=[a-z]))");
    private static final Pattern CONTRACTION = Pattern.compile("\\b([A-Za-z]+)n['\u2019]t\\b");
    private static final Pattern PARENTHESIS = Pattern.compile("\\s*\\([^()]{3,}\\)");
    private static final Pattern TRAILING_CLAUSE = Pattern.compile(",\\s+(?:such as|including|which|especially|"
            + "particularly|or|and|but)\\s+[^,]+(?=[.!?]$)");
    private static final Pattern SUBORDINATE = Pattern.compile("^(.{12,}?) (because|when|if|although|while|after|"
            + "before|unless) (.{12,})\\.$");
    private static final Pattern FRONTED = Pattern.compile("^(If|When|Although|While|After|Before|Because|Unless) "
            + "([^,]{8,}), (.{12,})\\.$");
    static final Map<String, List<String>> QUALIFIERS = Map.of(
            "children", List.of("adults", "older adults", "pregnant women"),
            "adults", List.of("children", "infants"),
            "infants", List.of("teenagers", "older adults"),
            "women", List.of("children", "older adults"),
            "older adults", List.of("children", "infants"),
            "pregnant women", List.of("older adults", "children"),
            "babies", List.of("teenagers", "older adults"),
            "elderly", List.of("children", "infants"));
    static final Pattern QUALIFIER = Pattern.compile("\\b(children|adults|infants|women|older adults|"
            + "pregnant women|babies|elderly|child|adult|infant|baby|pregnancy|pregnant|newborns?|teenagers?|"
            + "adolescents?|kidney disease|liver disease|breastfeeding|seniors?)\\b", Pattern.CASE_INSENSITIVE);
    private static final List<String> INVENTED_QUALIFIERS = List.of("in children", "in pregnant women",
            "in older adults", "in infants", "in people with kidney disease", "in people with liver disease",
            "in breastfeeding women", "in adults");

    private ClaimEdits() {
    }

    /** A parenthesis or a trailing clause ("..., such as X") taken out. */
    static Optional<String> dropClause(String sentence) {
        for (Pattern pattern : List.of(PARENTHESIS, TRAILING_CLAUSE)) {
            Matcher matcher = pattern.matcher(sentence);
            if (matcher.find()) {
                String shorter = (sentence.substring(0, matcher.start()) + sentence.substring(matcher.end()))
                        .replaceAll("\\s+([.,;!?])", "$1");
                if (words(shorter) >= 6) {
                    return Optional.of(shorter);
                }
            }
        }
        return Optional.empty();
    }

    /** What was dropped by {@link #dropClause}, to tell a qualifier drop from a harmless one. */
    static String dropped(String sentence, String shorter) {
        String rest = sentence;
        for (String word : shorter.split("\\s+")) {
            rest = rest.replaceFirst(Pattern.quote(word.replaceAll("[.,;!?]$", "")), "");
        }
        return rest;
    }

    /** "X because Y." → "Because Y, x."; "If Y, X." → "X if y." */
    static Optional<String> reorder(String sentence) {
        Matcher fronted = FRONTED.matcher(sentence);
        if (fronted.matches()) {
            return Optional.of(capitalise(fronted.group(3)) + " " + fronted.group(1).toLowerCase(Locale.ROOT) + " "
                    + fronted.group(2) + ".");
        }
        Matcher subordinate = SUBORDINATE.matcher(sentence);
        if (subordinate.matches() && !subordinate.group(1).contains(",")) {
            return Optional.of(capitalise(subordinate.group(2)) + " " + subordinate.group(3) + ", "
                    + decapitalise(subordinate.group(1)) + ".");
        }
        return Optional.empty();
    }

    /** Up to three common words swapped for synonyms; empty when none is there. */
    static Optional<String> paraphrase(String sentence) {
        Matcher matcher = WORD.matcher(sentence);
        StringBuilder out = new StringBuilder();
        int swaps = 0;
        while (matcher.find()) {
            String word = matcher.group();
            String synonym = SYNONYMS.get(word.toLowerCase(Locale.ROOT));
            if (synonym != null && swaps < 3) {
                swaps++;
                matcher.appendReplacement(out, Character.isUpperCase(word.charAt(0)) ? capitalise(synonym) : synonym);
            } else {
                matcher.appendReplacement(out, word);
            }
        }
        matcher.appendTail(out);
        return swaps == 0 ? Optional.empty() : Optional.of(out.toString());
    }

    /** One number made another: digits raised or doubled, a number word moved along. */
    static Optional<String> changeNumber(String sentence, Random random) {
        List<int[]> spans = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(sentence);
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        if (spans.isEmpty()) {
            return Optional.empty();
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String number = sentence.substring(span[0], span[1]);
        String changed;
        String lower = number.toLowerCase(Locale.ROOT);
        if (lower.equals("twice")) {
            changed = "three times";
        } else if (WORD_NUMBERS.contains(lower)) {
            changed = WORD_NUMBERS.get((WORD_NUMBERS.indexOf(lower) + 1 + random.nextInt(3)) % WORD_NUMBERS.size());
            if (changed.equals(lower)) {
                return Optional.empty();
            }
        } else if (number.contains(".")) {
            changed = String.valueOf(Math.round(Double.parseDouble(number) * 20 + 10) / 10.0);
        } else {
            long value = Long.parseLong(number.length() > 15 ? number.substring(0, 15) : number);
            changed = String.valueOf(value > 3 && random.nextBoolean() ? value * 2 : value + 1 + random.nextInt(4));
        }
        return Optional.of(sentence.substring(0, span[0]) + changed + sentence.substring(span[1]));
    }

    /** A negation taken out ("is not" → "is", "no X" → "X"), or else "not" put after the first auxiliary. */
    static Optional<String> flipNegation(String sentence) {
        Matcher contraction = CONTRACTION.matcher(sentence);
        if (contraction.find()) {
            String positive = switch (contraction.group(1).toLowerCase(Locale.ROOT)) {
                case "ca" -> "can";
                case "wo" -> "will";
                default -> contraction.group(1);
            };
            return Optional.of(sentence.substring(0, contraction.start()) + positive
                    + sentence.substring(contraction.end()));
        }
        Matcher negation = NEGATION.matcher(sentence);
        if (negation.find()) {
            for (int group = 1; group <= 4; group++) {
                if (negation.group(group) != null) {
                    String replacement = switch (group) {
                        case 2 -> "can";
                        case 3, 4 -> "";
                        default -> "";
                    };
                    String out = sentence.substring(0, negation.start(group)) + replacement
                            + sentence.substring(negation.end(group));
                    return Optional.of(out.replaceAll("\\s{2,}", " "));
                }
            }
        }
        Matcher auxiliary = AUXILIARY.matcher(sentence);
        if (auxiliary.find()) {
            String aux = auxiliary.group(1);
            String negated = aux.equals("can") ? "cannot" : aux + " not";
            return Optional.of(sentence.substring(0, auxiliary.start()) + negated + sentence.substring(auxiliary.end()));
        }
        return Optional.empty();
    }

    /** A population qualifier the sentence names swapped for another. */
    static Optional<String> swapQualifier(String sentence, Random random) {
        for (Map.Entry<String, List<String>> entry : QUALIFIERS.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            Matcher matcher = Pattern.compile("\\b" + entry.getKey() + "\\b", Pattern.CASE_INSENSITIVE).matcher(sentence);
            if (matcher.find()) {
                String other = entry.getValue().get(random.nextInt(entry.getValue().size()));
                String rest = sentence.substring(matcher.end());
                if (rest.startsWith("'s") && other.endsWith("s")) {
                    rest = "'" + rest.substring(2);
                }
                return Optional.of(sentence.substring(0, matcher.start()) + other + rest);
            }
        }
        return Optional.empty();
    }

    /** A population qualifier added to a sentence that has none: "..., in children." */
    static Optional<String> inventQualifier(String sentence, Random random) {
        if (QUALIFIER.matcher(sentence).find() || !sentence.endsWith(".")) {
            return Optional.empty();
        }
        String qualifier = INVENTED_QUALIFIERS.get(random.nextInt(INVENTED_QUALIFIERS.size()));
        return Optional.of(sentence.substring(0, sentence.length() - 1) + " " + qualifier + ".");
    }

    static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Lower-cases the first letter unless the first word looks like a name or an acronym ("DNA", "Lupus"?). */
    static String decapitalise(String text) {
        if (text.length() < 2 || Character.isUpperCase(text.charAt(1))) {
            return text;
        }
        String first = text.split("\\s+")[0];
        boolean commonStart = List.of("The", "A", "An", "This", "These", "Those", "It", "They", "Most", "Some",
                "Many", "People", "Symptoms", "Treatment", "You", "Your", "In", "If").contains(first);
        return commonStart ? Character.toLowerCase(text.charAt(0)) + text.substring(1) : text;
    }
}
