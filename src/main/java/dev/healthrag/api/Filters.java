package dev.healthrag.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.healthrag.retrieval.ArticleFilter;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Optional metadata filters, shared by /api/chat (JSON) and /api/search (query parameters). */
public record Filters(@JsonDeserialize(using = StrictJson.Text.class) String category,
                      @JsonDeserialize(contentUsing = StrictJson.Text.class) List<String> tags,
                      @JsonDeserialize(using = StrictJson.Text.class) String source,
                      @JsonDeserialize(using = StrictJson.Text.class) String publishedAfter) {

    /** Dates PostgreSQL and every client agree on; a wider LocalDate would reach the database and fail there. */
    private static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    /** The filter retrieval applies, after each value passed {@code limits}; a value that does not is a 400. */
    public static ArticleFilter toArticleFilter(Filters filters, RequestLimits limits) {
        if (filters == null) {
            return ArticleFilter.NONE;
        }
        return new ArticleFilter(limits.filterValue(filters.category(), "category"),
                limits.tags(filters.tags(), "tags"), limits.filterValue(filters.source(), "source"),
                date(limits.filterValue(filters.publishedAfter(), "publishedAfter")));
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                throw new DateTimeParseException("out of range", value, 0);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("publishedAfter must be a date between " + EARLIEST + " and " + LATEST
                    + " like 2024-01-31 (got '" + value + "')");
        }
    }
}
