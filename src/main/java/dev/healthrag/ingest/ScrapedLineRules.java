package dev.healthrag.ingest;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognisers for the furniture that web scrapers leave in plain-text pages. Each rule is a
 * pattern over a whole (whitespace-collapsed) line, written for a family of sites rather than
 * one page: credits, media labels, share bars, ad slots, template labels, widgets and tails.
 */
final class ScrapedLineRules {

    /** Lines at least this long, with sentence punctuation, are article prose, never furniture. */
    static final int PROSE_WORDS = 15;
    private static final int MAX_HEADING_CHARS = 70;
    private static final int MAX_HEADING_WORDS = 12;

    static final Pattern BULLET = Pattern.compile("^[\\u2022\\u00B7\\u25AA\\u25CF\\u25E6\\u2023\\u2219\\u25B8\\u25BA*\\-\\u2013]\\s+(.*)$");
    /** CMS template markers such as [[internal_link: hydration]]: the marker and its text go. */
    static final Pattern TEMPLATE_MARKER = Pattern.compile("\\[\\[\\s*[\\w-]+\\s*:[^\\]]*]]|\\{\\{[^}]*}}");

    private static final List<Pattern> BOILERPLATE = List.of(
            // photo captions with credits: "A woman stretching. Photo Credit: name/iStock/Getty Images"
            Pattern.compile("(?i)\\b(photo|image|picture|video|illustration)\\s*(credits?|courtesy|source)\\b"),
            Pattern.compile("(?i)^(photo|image|picture|credit)s?\\s*:.{0,160}$"),
            Pattern.compile("(?i)(getty images|istock(photo)?|shutterstock|adobe stock)\\W*$"),
            // media and page-template labels
            Pattern.compile("(?i)^(video|photo|image|picture|quote|tip|product) of the (day|week|month)$"),
            Pattern.compile("(?i)^(watch|listen|video|slideshow|gallery|podcast|infographic)( now| more| next)?\\s*:?$"),
            Pattern.compile("(?i)^((short|quick|long|brief|full|detailed|in-depth|expert|simple) answer|summary|tl;?dr|at a glance)\\s*:?$"),
            // ad slots and sponsorship labels
            Pattern.compile("(?i)^(advertisement|advertising|ad|ads|sponsored( content)?|promoted|paid content|partner content|story continues below)\\s*:?$"),
            // share bars, account and navigation controls
            Pattern.compile("(?i)^((share|tweet|pin|email|e-mail|print|save|copy link|facebook|twitter|x|pinterest|linkedin|whatsapp|reddit|flipboard)( it| this( article| page| story)?| on \\w+)?\\W*){1,8}$"),
            Pattern.compile("(?i)^(follow us|sign up|sign in|log in|subscribe|join now|read more|continue reading|learn more|show (more|less)|see more|click here|back to top|loading\\W*|menu|search|close|skip to (main )?content|jump to|table of contents|in this article)\\W*$"),
            Pattern.compile("(?i)^was this (article|page|answer|information) helpful\\??$|^(yes|no)(\\s+(yes|no))?$"),
            Pattern.compile("(?i)^\\d+\\s*(-\\s*)?(min|minute)s?( read)?$|^\\d+\\s+comments?$"),
            Pattern.compile("(?i)\\b(we use cookies|accept (all )?cookies|cookie (policy|settings|preferences))\\b"),
            // check-box ticks from UI widgets ("✓ Works", "✔ Saved")
            Pattern.compile("^[\\u2713\\u2714\\u2611\\u2705\\u2717\\u2718\\u2610].{0,40}$"));

    private static final Pattern CRUMB_SEPARATOR = Pattern.compile("\\s[\\u203A\\u00BB>/|]\\s|\\s[\\u203A\\u00BB>]|[\\u203A\\u00BB>]\\s");
    private static final Pattern WIDGET_TRIGGER = Pattern.compile("(?i)(calorie (tracker|counter)|\\btracker\\b|calculator"
            + "|newsletter|enter your e-?mail|sign up for|subscribe (to|for)|download (the|our) app|get the app"
            + "|\\bquiz\\b|free trial|\\bmyplate\\b)");
    private static final Pattern TAIL = Pattern.compile("(?i)^(related (articles?|questions|posts|stories|reading|topics|content|conditions|links)"
            + "|you (may|might) also (like|enjoy)|recommended( for you| reading| articles)?|references( and notes)?|sources( (&|and) (evidence|references))?"
            + "|further reading|bibliography|citations|works cited|about the author|read this next|what to read next"
            + "|popular (now|stories|articles)|trending( now)?|more (stories|articles) (like this|for you))\\s*:?$"
            + "|^(\\u00A9|\\(c\\)\\s|copyright\\b).*");
    private static final Pattern AUTHOR_PHOTO = Pattern.compile("(?i)^author\\s+(image|photo|avatar|picture|headshot)\\s+(.{2,60})$");
    private static final Pattern BYLINE = Pattern.compile("^(?:(?:Written|Medically reviewed|Reviewed|Fact[- ]checked|Edited) )?[Bb]y:?\\s+"
            + "(\\p{Lu}[\\p{L}.'-]*(?:\\s+\\p{Lu}[\\p{L}.'-]*){0,3})(?:\\s*(?:,|\\||\\u2014|-|\\bon\\b|\\bupdated\\b).*)?$");
    private static final Pattern DATE_LINE = Pattern.compile("(?i)\\b(published|posted|updated|last updated|last reviewed|reviewed|modified)"
            + "(?:\\s+on)?\\s*:?\\s+(\\d{1,2}/\\d{1,2}/\\d{4}|\\d{4}-\\d{2}-\\d{2}\\S*"
            + "|\\p{L}{3,9}\\.? \\d{1,2}(?:st|nd|rd|th)?, \\d{4}|\\d{1,2} \\p{L}{3,9} \\d{4})");
    /** Longer lines are prose that merely mentions a date ("guidelines updated March 3, 2024 ..."). */
    private static final int MAX_DATE_LINE_WORDS = 16;

    private ScrapedLineRules() {
    }

    static boolean isBoilerplate(String line) {
        for (Pattern p : BOILERPLATE) {
            if (p.matcher(line).find()) {
                return true;
            }
        }
        return isBreadcrumb(line);
    }

    /** "Home › Health › Fitness": several separators in a short line with no sentence end. */
    static boolean isBreadcrumb(String line) {
        Matcher m = CRUMB_SEPARATOR.matcher(line);
        int separators = 0;
        while (m.find()) {
            separators++;
        }
        return separators >= 2 && Text.wordCount(line) <= MAX_HEADING_WORDS && !line.matches(".*[.!?]$");
    }

    /** A short line announcing an interactive block (tracker, newsletter form, app promo). */
    static boolean isWidgetTrigger(String line) {
        return Text.wordCount(line) < 12 && WIDGET_TRIGGER.matcher(line).find();
    }

    static boolean isTail(String line) {
        return TAIL.matcher(line).find();
    }

    /** The author's name from "author image Jane Doe" or "By Jane Doe, RD"; null if the line is not a byline. */
    static String author(String line) {
        Matcher m = AUTHOR_PHOTO.matcher(line);
        if (m.matches()) {
            return m.group(2).strip();
        }
        m = BYLINE.matcher(line);
        return m.matches() && line.length() <= 100 ? m.group(1).strip() : null;
    }

    static boolean isPrimaryByline(String line) {
        return AUTHOR_PHOTO.matcher(line).matches() || line.matches("^(Written )?[Bb]y:?\\s.*");
    }

    /** [kind, date text] for short lines such as "Published 3/14/2025" or "By X | Updated March 3, 2024"; else null. */
    static String[] dateLine(String line) {
        if (Text.wordCount(line) > MAX_DATE_LINE_WORDS) {
            return null;
        }
        Matcher m = DATE_LINE.matcher(line);
        return m.find() ? new String[] {m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2)} : null;
    }

    static boolean isProse(String line) {
        return Text.wordCount(line) >= PROSE_WORDS && line.matches(".*[.!?:;\"')\\u201D]$");
    }

    /** A bullet that carries article content (a sentence, or a long item) rather than a widget option like "Female". */
    static boolean isContentBullet(String line) {
        Matcher m = BULLET.matcher(line);
        return m.matches() && (m.group(1).matches(".*[.!?]$") || Text.wordCount(m.group(1)) >= 8);
    }

    /** Bare-line heading shape: short, capitalised, and not ending like a sentence or a lead-in. */
    static boolean isHeadingShaped(String line) {
        if (line.length() > MAX_HEADING_CHARS || Text.wordCount(line) > MAX_HEADING_WORDS || line.isEmpty()) {
            return false;
        }
        char first = line.charAt(0);
        boolean startsLower = Character.isLowerCase(first);
        boolean sentenceInside = line.matches(".*[a-z]{2}[.!] .*");
        return !startsLower && !sentenceInside && !line.matches(".*[.,;:!\u2026]$");
    }
}
