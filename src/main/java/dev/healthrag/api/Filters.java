package dev.healthrag.api;

import dev.healthrag.retrieval.ArticleFilter;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Optional metadata filters, shared by /api/chat (JSON) and /api/search (query parameters). */
public record Filters(String category, List<String> tags, String source, String publishedAfter) {

    public static ArticleFilter toArticleFilter(Filters filters) {
        if (filters == null) {
            return ArticleFilter.NONE;
        }
        List<String> tags = filters.tags() == null ? List.of()
                : filters.tags().stream().filter(tag -> tag != null && !tag.isBlank()).map(String::strip).toList();
        return new ArticleFilter(blankToNull(filters.category()), tags, blankToNull(filters.source()),
                date(filters.publishedAfter()));
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("publishedAfter must be a date like 2024-01-31 (got '" + value + "')");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
