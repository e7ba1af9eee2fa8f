package dev.healthrag.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Drops the furniture lines of a scraped page (everything after its title) one line at a
 * time, and remembers the author found in the byline. Stateful: one instance per page.
 */
final class ScrapedLineFilter {

    private final String titleKey;
    private String author = "";
    private String bylineName;
    private boolean inHeader = true;
    private boolean inWidget;

    ScrapedLineFilter(String titleKey) {
        this.titleKey = titleKey;
    }

    List<String> apply(List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                kept.add(line);
                continue;
            }
            if (ScrapedLineRules.isTail(line)) {
                break; // references, related links and copyright close the article
            }
            if (keep(line, nextNonBlank(lines, i))) {
                kept.add(line);
            }
        }
        return kept;
    }

    private boolean keep(String line, String next) {
        if (inWidget) {
            boolean articleResumes = ScrapedLineRules.isProse(line)
                    || (ScrapedLineRules.isHeadingShaped(line)
                        && (ScrapedLineRules.isProse(next) || ScrapedLineRules.isContentBullet(next)));
            if (!articleResumes) {
                return false;
            }
            inWidget = false;
        }
        if (ScrapedLineRules.isWidgetTrigger(line)) {
            inWidget = true;
            return false;
        }
        if (Text.key(line).equals(titleKey) || ScrapedLineRules.isBoilerplate(line)) {
            return false;
        }
        if (inHeader && !keepInHeader(line)) {
            return false;
        }
        String[] date = ScrapedLineRules.dateLine(line);
        return date == null || Dates.parseLenient(date[1]) == null;
    }

    /** Between title and first paragraph: bylines and the author's bio blurb. */
    private boolean keepInHeader(String line) {
        String name = ScrapedLineRules.author(line);
        if (name != null) {
            if (author.isEmpty() && ScrapedLineRules.isPrimaryByline(line)) {
                author = name;
            }
            bylineName = name;
            return false;
        }
        if (bylineName != null && startsWithName(line, bylineName)) {
            return false; // "Jane Doe is a registered dietitian who ..."
        }
        if (ScrapedLineRules.isProse(line)) {
            inHeader = false;
        }
        return true;
    }

    private static boolean startsWithName(String line, String name) {
        String first = name.split(" ")[0];
        String last = name.substring(name.lastIndexOf(' ') + 1);
        return line.startsWith(name) || line.startsWith(first + " ") || line.startsWith(last + " ")
                || line.matches("^(He|She|They) (is|has|holds|specializes|writes|earned)\\b.*");
    }

    private static String nextNonBlank(List<String> lines, int i) {
        for (int j = i + 1; j < lines.size(); j++) {
            if (!lines.get(j).isEmpty()) {
                return lines.get(j);
            }
        }
        return "";
    }

    /** The byline author, or "" when the page has none. */
    String author() {
        return author;
    }
}
