package dev.healthrag.ingest;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed article whose sections are already free of page boilerplate.
 *
 * @param id       stable identity: front-matter {@code id} or the caller's default (path without extension)
 * @param title    never blank; falls back to the id when the source has no title
 * @param url      canonical source address, or "" when unknown (so citations never print "null")
 * @param format   which reader produced it: "markdown", "html" or "text"
 * @param dropped  how many passages the readers left out and why, for the ingest summary; not content,
 *                 so {@link ContentHash} ignores it: a page that only gains or loses dropped text is unchanged
 */
public record Article(String id, String title, String url, ArticleMetadata metadata,
                      List<Section> sections, String format, Map<DropReason, Integer> dropped) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metadata, "metadata");
        title = title == null || title.isBlank() ? id : title;
        url = url == null ? "" : url;
        sections = List.copyOf(sections);
        format = format == null ? "" : format;
        dropped = dropped == null ? Map.of() : Map.copyOf(dropped);
    }

    /** An article from which nothing was dropped. */
    public Article(String id, String title, String url, ArticleMetadata metadata, List<Section> sections,
                   String format) {
        this(id, title, url, metadata, sections, format, Map.of());
    }

    /** All section text, used to decide whether anything survived cleaning. */
    public boolean hasText() {
        return sections.stream().anyMatch(s -> !s.text().isBlank());
    }
}
