package dev.healthrag.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Date parsing that accepts the handful of shapes publishing tools actually emit. */
final class Dates {

    private static final Pattern ISO_WITH_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})[T ].*");

    private static final List<DateTimeFormatter> HUMAN = List.of(
            formatter("M/d/uuuu"),
            formatter("MMMM d, uuuu"),
            formatter("MMM d, uuuu"),
            formatter("d MMMM uuuu"),
            formatter("d MMM uuuu"));

    /**
     * Years a stored date may have. PostgreSQL's date type spans 4713 BC to 5874897 AD, so a wider year would
     * pass parsing and fail the database write; no article is dated outside four-digit years, so such a
     * year is a typo, and the narrower range keeps the message simple to act on.
     */
    static final int FIRST_YEAR = 1;
    static final int LAST_YEAR = 9999;

    private Dates() {
    }

    static boolean inStoredRange(LocalDate date) {
        return date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
    }

    /** ISO date, or an ISO date-time whose date part is taken; null when it is neither. */
    static LocalDate parseIso(String raw) {
        String s = raw == null ? "" : raw.trim();
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException notPlainDate) {
            // fall through: a timestamp is fine, only its calendar day matters
        }
        try {
            return OffsetDateTime.parse(s).toLocalDate();
        } catch (DateTimeParseException notOffset) {
            // fall through
        }
        try {
            return ZonedDateTime.parse(s).toLocalDate();
        } catch (DateTimeParseException notZoned) {
            // fall through
        }
        var m = ISO_WITH_TIME.matcher(s);
        if (m.matches()) {
            try {
                return LocalDate.parse(m.group(1));
            } catch (DateTimeParseException badDay) {
                return null;
            }
        }
        return null;
    }

    /**
     * ISO first, then the US and English long forms seen in page bylines ("March 3, 2024"). These dates are
     * guessed from page text, so one outside {@link #inStoredRange} is no date rather than an error.
     */
    static LocalDate parseLenient(String raw) {
        LocalDate date = guess(raw);
        return date == null || !inStoredRange(date) ? null : date;
    }

    private static LocalDate guess(String raw) {
        LocalDate iso = parseIso(raw);
        if (iso != null || raw == null) {
            return iso;
        }
        String s = raw.trim().replaceAll("(\\d)(st|nd|rd|th)\\b", "$1").replace("Sept ", "Sep ");
        for (DateTimeFormatter f : HUMAN) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException next) {
                // try the next shape
            }
        }
        return null;
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.ENGLISH);
    }
}
