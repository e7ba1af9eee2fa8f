package dev.healthrag.ingest;

import java.util.List;
import java.util.Objects;

/**
 * A parsed article whose sections are already free of page boilerplate.
 *
 * @param id       stable identity: front-matter {@code id} or the caller's default (path without extension)
 * @param title    never blank; falls back to the id when the source has no title
 * @param url      canonical source address, or "" when unknown (so citations never print "null")
 * @param format   which reader produced it: "markdown", "html" or "text"
 */
public record Article(String id, String title, String url, ArticleMetadata metadata,
                      List<Section> sections, String format) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metadata, "metadata");
        title = title == null || title.isBlank() ? id : title;
        url = url == null ? "" : url;
        sections = List.copyOf(sections);
        format = format == null ? "" : format;
    }

    /** All section text, used to decide whether anything survived cleaning. */
    public boolean hasText() {
        return sections.stream().anyMatch(s -> !s.text().isBlank());
    }
}
