package dev.healthrag.retrieval;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a user's question into a websearch_to_tsquery string of alternatives ("a or b or c").
 * Users' questions are sentences, not keyword lists: requiring every word (the default AND) would
 * match nothing, so any word may match and ts_rank rewards chunks that match more of them.
 * Only letters and digits survive, so tsquery operators typed by a user are inert.
 */
public final class LexicalQuery {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}]+(?:['’][\\p{L}]+)?");

    private LexicalQuery() {
    }

    public static String of(String question) {
        Set<String> words = new LinkedHashSet<>();
        Matcher matcher = WORD.matcher(question.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            String word = matcher.group().replace("’", "'");
            if (word.length() > 1 && !"or".equals(word)) {
                words.add(word.replace("'", ""));
            }
        }
        return String.join(" or ", words);
    }
}
