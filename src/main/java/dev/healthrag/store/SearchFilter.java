package dev.healthrag.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Metadata restrictions applied inside the SQL, so the top-k is drawn from matching articles only. */
public record SearchFilter(String category, List<String> tags, String source, LocalDate publishedAfter) {

    public static final SearchFilter NONE = new SearchFilter(null, List.of(), null, null);

    public SearchFilter {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The WHERE conditions on alias {@code a} (articles), each with one placeholder. */
    List<String> conditions() {
        List<String> conditions = new ArrayList<>();
        if (category != null) {
            conditions.add("lower(a.category) = lower(?)");
        }
        if (!tags.isEmpty()) {
            conditions.add("a.tags && ?");
        }
        if (source != null) {
            conditions.add("lower(a.source) = lower(?)");
        }
        if (publishedAfter != null) {
            conditions.add("a.published > ?");
        }
        return conditions;
    }

    /** Binds the placeholders of {@link #conditions()} starting at {@code index}; returns the next index. */
    int bind(java.sql.PreparedStatement statement, int index) throws java.sql.SQLException {
        if (category != null) {
            statement.setString(index++, category);
        }
        if (!tags.isEmpty()) {
            statement.setArray(index++, statement.getConnection().createArrayOf("text", tags.toArray()));
        }
        if (source != null) {
            statement.setString(index++, source);
        }
        if (publishedAfter != null) {
            statement.setDate(index++, java.sql.Date.valueOf(publishedAfter));
        }
        return index;
    }
}
