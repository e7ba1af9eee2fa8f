package dev.healthrag.retrieval;

import dev.healthrag.store.Lexicon;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Query-side work that lets plain-spoken questions find clinical articles: misspelt words are corrected
 * against the corpus vocabulary, lay words gain their clinical terms, words are weighted by how rare they
 * are in the corpus (PostgreSQL's ts_rank knows no IDF), and a long message is condensed to its rarest words.
 */
@ApplicationScoped
public class QueryAnalyzer {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}]+");
    /** Loose on purpose: trigram similarity only shortlists; edit distance decides. */
    private static final double MIN_TRIGRAM_SIMILARITY = 0.25;
    /** Words in more than this share of articles say little about which article is meant. */
    private static final double MAX_ARTICLE_SHARE = 0.5;
    private static final int MAX_TERMS = 10;
    private static final int LONG_QUESTION_WORDS = 30;
    private static final int CONDENSED_WORDS = 12;

    private final Lexicon lexicon;
    private final LayTerms layTerms = LayTerms.load();
    private volatile long articleTotal;
    private volatile long articleTotalAt;

    public QueryAnalyzer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public AnalyzedQuery analyze(String question) {
        List<String> words = words(question);
        List<String> expansions = layTerms.expand(question);
        Set<String> lookup = new LinkedHashSet<>(words);
        expansions.forEach(term -> lookup.addAll(words(term)));
        Map<String, Integer> counts = new LinkedHashMap<>(lexicon.articleCounts(lookup));

        Map<String, String> corrections = new LinkedHashMap<>();
        for (String word : words) {
            if (!counts.containsKey(word) && word.length() >= 4 && word.chars().allMatch(Character::isLetter)) {
                SpellingCorrector.correct(word, lexicon.similar(word, MIN_TRIGRAM_SIMILARITY, 8)).ifPresent(entry -> {
                    corrections.put(word, entry.word());
                    counts.put(entry.word(), entry.articles());
                });
            }
        }
        long total = Math.max(1, articleTotal());
        Map<String, Double> idf = new LinkedHashMap<>();
        for (String word : words) {
            String term = corrections.getOrDefault(word, word);
            if (counts.containsKey(term) && !Terms.isStopWord(term)) {
                idf.put(term, idf(counts.get(term), total));
            }
        }
        for (String expansion : expansions) {
            for (String word : words(expansion)) {
                if (counts.containsKey(word) && !Terms.isStopWord(word)) {
                    idf.putIfAbsent(word, idf(counts.get(word), total));
                }
            }
        }
        return new AnalyzedQuery(denseText(question, corrections, expansions),
                condensed(words, corrections, idf, expansions), lexicalTerms(idf, counts, total), corrections, expansions);
    }

    private static List<AnalyzedQuery.WeightedTerm> lexicalTerms(Map<String, Double> idf, Map<String, Integer> counts,
                                                                 long total) {
        List<AnalyzedQuery.WeightedTerm> ranked = idf.entrySet().stream()
                .map(e -> new AnalyzedQuery.WeightedTerm(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingDouble(AnalyzedQuery.WeightedTerm::idf).reversed())
                .toList();
        List<AnalyzedQuery.WeightedTerm> chosen = new ArrayList<>();
        for (AnalyzedQuery.WeightedTerm term : ranked) {
            boolean common = counts.get(term.term()) > MAX_ARTICLE_SHARE * total;
            // Keep the two rarest words even when common, so a question of common words still searches.
            if (chosen.size() < MAX_TERMS && (!common || chosen.size() < 2)) {
                chosen.add(term);
            }
        }
        return chosen;
    }

    private static String denseText(String question, Map<String, String> corrections, List<String> expansions) {
        Set<String> extra = new LinkedHashSet<>(corrections.values());
        extra.addAll(expansions);
        return extra.isEmpty() ? question : question + " (" + String.join(", ", extra) + ")";
    }

    /** A long message buries its question; its rarest words, in their order, make a focused second query. */
    private static String condensed(List<String> words, Map<String, String> corrections, Map<String, Double> idf,
                                    List<String> expansions) {
        if (words.size() < LONG_QUESTION_WORDS) {
            return null;
        }
        Set<String> rarest = idf.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(CONDENSED_WORDS).map(Map.Entry::getKey).collect(Collectors.toSet());
        Set<String> kept = new LinkedHashSet<>();
        for (String word : words) {
            String term = corrections.getOrDefault(word, word);
            if (rarest.contains(term)) {
                kept.add(term);
            }
        }
        kept.addAll(expansions);
        return kept.isEmpty() ? null : String.join(" ", kept);
    }

    private static double idf(int articles, long total) {
        return Math.log(1 + (total - articles + 0.5) / (articles + 0.5));
    }

    private long articleTotal() {
        long now = System.nanoTime();
        if (articleTotalAt == 0 || now - articleTotalAt > 30_000_000_000L) {
            articleTotal = lexicon.articleTotal();
            articleTotalAt = now;
        }
        return articleTotal;
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            if (matcher.group().length() > 1 && !words.contains(matcher.group())) {
                words.add(matcher.group());
            }
        }
        return words;
    }
}
