package dev.healthrag.retrieval;

import dev.healthrag.store.ArticleNames;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which articles a message names, by title or "also called", read the way retrieval reads it (misspellings
 * corrected, lay words given their clinical terms: {@link QueryAnalyzer}) and looked up exactly as the name
 * search does. What tells a follow-up that names no condition ("and how long does it last?") from a message
 * that brings its own ("what about plantar fasciitis?").
 */
@ApplicationScoped
public class ConditionNames {

    /**
     * A one-word name whose word more than this share of the articles use (and more than
     * {@link #COMMON_MIN_ARTICLES}) is an everyday word that also titles an article ("surgery", "stress",
     * "memory"), so it does not by itself make a message name a condition.
     */
    private static final double COMMON_SHARE = 0.2;
    private static final int COMMON_MIN_ARTICLES = 3;

    private final QueryAnalyzer analyzer;
    private final ArticleNames names;

    public ConditionNames(QueryAnalyzer analyzer, ArticleNames names) {
        this.analyzer = analyzer;
        this.names = names;
    }

    /** @return the articles the message names, longest name first, one entry per article; empty when none */
    public List<NamedArticle> named(String message) {
        return named(analyzer.analyze(message));
    }

    /** {@link #named(String)} for a message retrieval has already analysed ({@link Retrieval#query()}). */
    public List<NamedArticle> named(AnalyzedQuery message) {
        Map<String, NamedArticle> byArticle = new LinkedHashMap<>();
        for (ArticleNames.NameMatch match : names.find(message.namePhrases())) {
            boolean everyday = match.words() == 1 && match.wordArticles() > COMMON_MIN_ARTICLES
                    && match.wordArticles() > COMMON_SHARE * match.articleTotal();
            if (!everyday) {
                byArticle.putIfAbsent(match.articleId(), new NamedArticle(match.name(), match.articleId()));
            }
        }
        return List.copyOf(byArticle.values());
    }

    /** The most telling words of a text for finding its article, rarest first (at most {@code limit}). */
    public List<String> keyTerms(String text, int limit) {
        return analyzer.analyze(text).lexicalTerms().stream().map(AnalyzedQuery.WeightedTerm::term).limit(limit)
                .toList();
    }

    /** An article a message names, and the name it used (normalised). */
    public record NamedArticle(String name, String articleId) {
    }
}
