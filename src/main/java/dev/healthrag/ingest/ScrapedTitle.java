package dev.healthrag.ingest;

import java.util.List;

/**
 * Finds the title line of a scraped page. Pages open with badges and navigation
 * ("Gold Member Badge", "Menu", "Home › Health"), so the first line is not trusted: the
 * title is the first plausible line, preferring one the page repeats later (scraped pages
 * print the headline again above the body).
 */
final class ScrapedTitle {

    /** Titles sit above the article; looking further down only finds section headings. */
    private static final int SCAN_LINES = 12;
    private static final int MAX_TITLE_CHARS = 160;

    private ScrapedTitle() {
    }

    /** Index of the title line in {@code lines}, or -1 when none looks like a title. */
    static int find(List<String> lines) {
        int fallback = -1;
        int seen = 0;
        for (int i = 0; i < lines.size() && seen < SCAN_LINES; i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            seen++;
            if (ScrapedLineRules.isProse(line) && Text.wordCount(line) > 25) {
                break; // body text has started; anything after it is not the headline
            }
            if (!isCandidate(line)) {
                continue;
            }
            if (isRepeatedLater(lines, i) || introducesTheArticle(lines, i)) {
                return i;
            }
            if (fallback < 0 && looksLikeTitle(line)) {
                fallback = i;
            }
        }
        return fallback;
    }

    private static boolean isCandidate(String line) {
        return line.length() <= MAX_TITLE_CHARS
                && !ScrapedLineRules.BULLET.matcher(line).matches()
                && !ScrapedLineRules.isBoilerplate(line)
                && !ScrapedLineRules.isWidgetTrigger(line)
                && ScrapedLineRules.author(line) == null
                && ScrapedLineRules.dateLine(line) == null
                && !line.endsWith(".");
    }

    /** Badges and nav items are one to three words; a question of any length is a headline. */
    private static boolean looksLikeTitle(String line) {
        if (line.endsWith("?")) {
            return Text.wordCount(line) >= 2;
        }
        return Text.wordCount(line) >= 4 && !line.endsWith("!") && Character.isUpperCase(line.charAt(0));
    }

    /** A short headline directly above a byline or the first paragraph ("Gout Flares", then prose). */
    private static boolean introducesTheArticle(List<String> lines, int index) {
        if (!ScrapedLineRules.isHeadingShaped(lines.get(index)) || Text.wordCount(lines.get(index)) < 2) {
            return false;
        }
        for (int j = index + 1; j < lines.size(); j++) {
            String next = lines.get(j);
            if (!next.isEmpty()) {
                return ScrapedLineRules.isProse(next) || ScrapedLineRules.author(next) != null;
            }
        }
        return false;
    }

    private static boolean isRepeatedLater(List<String> lines, int index) {
        if (Text.wordCount(lines.get(index)) < 2) {
            return false;
        }
        String key = Text.key(lines.get(index));
        for (int j = index + 1; j < lines.size(); j++) {
            if (Text.key(lines.get(j)).equals(key)) {
                return true;
            }
        }
        return false;
    }
}
