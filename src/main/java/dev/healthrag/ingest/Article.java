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
 * @param warnings what the parser left out of the article's metadata and why (a citation URL that is not
 *                 http or https), each a sentence saying what to fix; like {@code dropped}, not content
 */
public record Article(String id, String title, String url, ArticleMetadata metadata,
                      List<Section> sections, String format, Map<DropReason, Integer> dropped,
                      List<String> warnings) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metadata, "metadata");
        title = title == null || title.isBlank() ? id : title;
        url = url == null ? "" : url;
        sections = List.copyOf(sections);
        format = format == null ? "" : format;
        dropped = dropped == null ? Map.of() : Map.copyOf(dropped);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** An article without parser warnings. */
    public Article(String id, String title, String url, ArticleMetadata metadata, List<Section> sections,
                   String format, Map<DropReason, Integer> dropped) {
        this(id, title, url, metadata, sections, format, dropped, List.of());
    }

    /** An article from which nothing was dropped. */
    public Article(String id, String title, String url, ArticleMetadata metadata, List<Section> sections,
                   String format) {
        this(id, title, url, metadata, sections, format, Map.of(), List.of());
    }

    /** The same article without its URL, and a warning that says why. */
    Article withoutUrl(String warning) {
        List<String> more = new java.util.ArrayList<>(warnings);
        more.add(warning);
        return new Article(id, title, "", metadata, sections, format, dropped, more);
    }

    /** All section text, used to decide whether anything survived cleaning. */
    public boolean hasText() {
        return sections.stream().anyMatch(s -> !s.text().isBlank());
    }
}
