package dev.healthrag.retrieval;

import dev.healthrag.store.SearchFilter;

import java.time.LocalDate;
import java.util.List;

/**
 * Which articles a question may draw on (category, any of the tags, source, published after a date); null or
 * empty means no restriction. Callers above retrieval speak this, never the store's SQL-bound filter.
 */
public record ArticleFilter(String category, List<String> tags, String source, LocalDate publishedAfter) {

    public static final ArticleFilter NONE = new ArticleFilter(null, List.of(), null, null);

    public ArticleFilter {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    SearchFilter toSearchFilter() {
        return new SearchFilter(category, tags, source, publishedAfter);
    }
}
