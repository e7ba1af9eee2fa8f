package dev.healthrag.answer.verify;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers of a normalised text, each with its unit when it has one ("500 mg", "4 hours", "2 times"), and
 * its frequencies ("per day"): a dose, a duration or a schedule the draft states must be the source's.
 */
record Quantities(Set<String> withUnits, Set<String> numbers, Set<String> frequencies) {

    private static final Pattern QUANTITY = Pattern.compile("\\b(\\d+(?:\\.\\d+)?)(?:\\s?(?:-|to|or)\\s?(\\d+(?:\\.\\d+)?))?"
            + "(?:\\s(mg|mcg|g|kg|ml|l|iu|percent|hours|minutes|days|weeks|months|years|times|units|doses|tablets|"
            + "pills|drops|cups|glasses|servings)\\b)?");
    private static final Pattern FREQUENCY = Pattern.compile("\\bper (?:day|week|month|hour)\\b");

    static Quantities of(String normalised) {
        Set<String> withUnits = new LinkedHashSet<>();
        Set<String> numbers = new LinkedHashSet<>();
        Matcher matcher = QUANTITY.matcher(normalised);
        while (matcher.find()) {
            String unit = matcher.group(3);
            for (String number : new String[] {matcher.group(1), matcher.group(2)}) {
                if (number != null) {
                    String n = number.replaceAll("\\.0+$", "");
                    numbers.add(n);
                    if (unit != null) {
                        withUnits.add(n + " " + unit);
                    }
                }
            }
        }
        Set<String> frequencies = new LinkedHashSet<>();
        Matcher frequency = FREQUENCY.matcher(normalised);
        while (frequency.find()) {
            frequencies.add(frequency.group());
        }
        return new Quantities(withUnits, numbers, frequencies);
    }

    /** The first quantity of this text that {@code source} lacks, or null when it has them all. */
    String missingFrom(Quantities source) {
        for (String quantity : withUnits) {
            if (!source.withUnits.contains(quantity)) {
                return quantity;
            }
        }
        for (String number : numbers) {
            if (!source.numbers.contains(number)) {
                return number;
            }
        }
        for (String frequency : frequencies) {
            if (!source.frequencies.contains(frequency)) {
                return frequency;
            }
        }
        return null;
    }
}
