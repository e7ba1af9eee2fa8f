package dev.healthrag.store;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Every abbreviation the stored articles define, grouped across articles, for the service to hold in memory. */
@ApplicationScoped
public class AbbreviationIndex {

    private final Database database;

    public AbbreviationIndex(Database database) {
        this.database = database;
    }

    /**
     * One long form of a short form, with how many articles define the pair.
     *
     * @param shortKey the short form's {@link Abbreviation#key key}
     * @param longForm the long form as one of those articles writes it
     */
    public record Definition(String shortKey, String longForm, int articles) {
    }

    /** All definitions and the vocabulary version they belong to (V10's trigger bumps it when they change). */
    public record Snapshot(long version, List<Definition> definitions) {
    }

    /** Read where searches read, in one statement, so the version and the definitions agree. */
    public Snapshot load() {
        return database.readForSearch(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT s.vocabulary_version, a.short_key, min(a.long_form), count(DISTINCT a.article_id)
                    FROM corpus_size s LEFT JOIN article_abbreviations a ON true
                    GROUP BY s.vocabulary_version, a.short_key, a.long_key""");
                 ResultSet rows = statement.executeQuery()) {
                List<Definition> definitions = new ArrayList<>();
                long version = 0;
                while (rows.next()) {
                    version = rows.getLong(1);
                    if (rows.getString(2) != null) {
                        definitions.add(new Definition(rows.getString(2), rows.getString(3), rows.getInt(4)));
                    }
                }
                return new Snapshot(version, definitions);
            }
        });
    }
}
