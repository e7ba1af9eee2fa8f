package dev.healthrag.store;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of a set of phrases are the name of an article (its title, its title's subject before a colon, or an
 * "also called"), by exact lookup in {@code article_names}, the table the name search ranks from, and in the
 * titles. Each match carries how many articles use the
 * name's word when the name is one word, so a caller can tell a specific name ("achalasia") from one that is
 * also an everyday word most articles use ("surgery", "stress").
 */
@ApplicationScoped
public class ArticleNames {

    /** As V3__article_names.sql normalises names, and {@link NameText#normalize} questions. */
    private static final String NORMALIZED = "trim(regexp_replace(regexp_replace(lower(%s), '[''’]s\\M', 's', 'g'), "
            + "'[^[:alnum:]]+', ' ', 'g'))";
    /** The same without possessives, as V12__names_without_possessives.sql and {@link NameText#variants}. */
    private static final String BARE = "trim(regexp_replace(regexp_replace(lower(%s), '[''’]s\\M', '', 'g'), "
            + "'[^[:alnum:]]+', ' ', 'g'))";
    // A title's subject ("Shin Splints" of "Shin Splints: Causes, Treatment and ..."), with and without its
    // parenthesis (and its possessives), names the article as well as the whole title does; article_names holds
    // only whole titles.
    private static final String FIND = """
            WITH named AS (
                SELECT name, article_id, words FROM article_names WHERE name = ANY (?)
                UNION
                SELECT s.name, a.id, array_length(string_to_array(s.name, ' '), 1)
                FROM articles a, LATERAL (VALUES (%1$s), (%2$s), (%3$s), (%4$s)) s (name)
                WHERE s.name = ANY (?))
            SELECT n.name, n.article_id, n.words, coalesce(l.articles, 0), c.articles
            FROM named n CROSS JOIN corpus_size c
            LEFT JOIN lexicon l ON n.words = 1 AND l.word = n.name
            ORDER BY n.words DESC, n.name, n.article_id""".formatted(
            NORMALIZED.formatted("split_part(a.title, ':', 1)"),
            NORMALIZED.formatted("regexp_replace(split_part(a.title, ':', 1), '\\s*\\([^)]*\\)', '', 'g')"),
            BARE.formatted("split_part(a.title, ':', 1)"),
            BARE.formatted("regexp_replace(split_part(a.title, ':', 1), '\\s*\\([^)]*\\)', '', 'g')"));

    private final Database database;

    public ArticleNames(Database database) {
        this.database = database;
    }

    /**
     * @param phrases candidate names, normalised with {@link NameText#normalize}
     * @return the phrases that name an article, longest first; empty when none does
     */
    public List<NameMatch> find(List<String> phrases) {
        if (phrases.isEmpty()) {
            return List.of();
        }
        return database.readForSearch(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FIND)) {
                java.sql.Array candidates = connection.createArrayOf("text", phrases.toArray());
                statement.setArray(1, candidates);
                statement.setArray(2, candidates);
                List<NameMatch> matches = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        matches.add(new NameMatch(rows.getString(1), rows.getString(2), rows.getInt(3),
                                rows.getInt(4), rows.getLong(5)));
                    }
                }
                return matches;
            }
        });
    }

    /**
     * A phrase that names an article. {@code wordArticles} is the number of articles that use the name's word
     * (0 when the name has several words), of {@code articleTotal}.
     */
    public record NameMatch(String name, String articleId, int words, int wordArticles, long articleTotal) {
    }
}
