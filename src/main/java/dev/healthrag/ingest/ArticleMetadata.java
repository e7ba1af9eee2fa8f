package dev.healthrag.ingest;

import java.time.LocalDate;
import java.util.List;

/**
 * Descriptive data shown next to citations and stored with chunks.
 *
 * @param author     "" when unknown (kept non-null so callers can print it directly)
 * @param published  nullable
 * @param category   nullable
 * @param tags       never null
 * @param alsoCalled synonyms of the topic (MedQuAD's also_called); never null
 * @param source     publishing organisation or site name; nullable
 */
public record ArticleMetadata(String author, LocalDate published, String category,
                              List<String> tags, List<String> alsoCalled, String source) {

    public ArticleMetadata {
        author = author == null ? "" : author;
        tags = tags == null ? List.of() : List.copyOf(tags);
        alsoCalled = alsoCalled == null ? List.of() : List.copyOf(alsoCalled);
    }

    public static ArticleMetadata empty() {
        return new ArticleMetadata("", null, null, List.of(), List.of(), null);
    }
}
