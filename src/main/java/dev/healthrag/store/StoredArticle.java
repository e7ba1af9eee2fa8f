package dev.healthrag.store;

import java.time.LocalDate;
import java.util.List;

/** One article row as the store keeps it. */
public record StoredArticle(String id, String title, String url, String sourcePath, String format,
                            String author, LocalDate published, String category, String source,
                            List<String> tags, List<String> alsoCalled, String contentHash) {

    /** What the lexical index weights highest: the title and every "also called" name. */
    String lexicalTitle() {
        return alsoCalled.isEmpty() ? title : title + " " + String.join(" ", alsoCalled);
    }
}
