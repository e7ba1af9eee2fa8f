package dev.healthrag.store;

import java.time.LocalDate;
import java.util.List;

/** One article row as the store keeps it. */
public record StoredArticle(String id, String title, String url, String sourcePath, String format,
                            String author, LocalDate published, String category, String source,
                            List<String> tags, List<String> alsoCalled, String contentHash) {

    /** The names a question may call the article by. */
    List<String> names() {
        List<String> names = new java.util.ArrayList<>(alsoCalled.size() + 1);
        names.add(title);
        alsoCalled.stream().filter(name -> !name.isBlank()).forEach(names::add);
        return names;
    }

    /** What the lexical index weights highest: the title and every "also called" name. */
    String lexicalTitle() {
        return alsoCalled.isEmpty() ? title : title + " " + String.join(" ", alsoCalled);
    }
}
