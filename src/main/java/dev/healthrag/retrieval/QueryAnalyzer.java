package dev.healthrag.retrieval;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.store.Lexicon;
import dev.healthrag.store.NameText;
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

/**
 * Query-side work that lets plain-spoken questions find clinical articles: misspelt words are corrected
 * against the corpus vocabulary, lay words gain their clinical terms, short forms the corpus defines gain their
 * long forms ({@link CorpusAbbreviations}), words are weighted by how rare they are in the corpus (PostgreSQL's
 * ts_rank knows no IDF).
 */
@ApplicationScoped
public class QueryAnalyzer {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}]+");
    private static final Pattern NOT_CONTRACTION = Pattern.compile("(?<=\\p{L})n['\u2019]t\\b");
    /**
     * Words in more than this share of articles (and more than {@link #COMMON_MIN_ARTICLES} of them) say little
     * about which article is meant, and each would make full-text search rank thousands of chunks.
     */
    private static final double MAX_ARTICLE_SHARE = 0.1;
    private static final int COMMON_MIN_ARTICLES = 200;
    /**
     * Words a question searches full text with, rarest first. A long message holds many rare chat words
     * ("grocery", "hygienist"); with ten, they crowded out its symptom words, and 13 to 24 measured alike.
     */
    private static final int MAX_TERMS = 16;
    private static final int MAX_NAME_WORDS = 12;
    /** Nearest corpus words the spelling corrector chooses from, for each unknown word. */
    private static final int SPELLING_CANDIDATES = 8;

    private final Lexicon lexicon;
    private final CorpusVocabulary vocabulary;
    private final CorpusAbbreviations abbreviations;
    private final LayTerms layTerms;
    private final boolean expandAbbreviations;
    private final EnglishWords englishWords = EnglishWords.load();

    public QueryAnalyzer(Lexicon lexicon, CorpusVocabulary vocabulary, CorpusAbbreviations abbreviations,
                         HealthRagConfig config) {
        this.lexicon = lexicon;
        this.vocabulary = vocabulary;
        this.abbreviations = abbreviations;
        this.layTerms = config.retrieval().layTerms() ? LayTerms.load() : LayTerms.none();
        this.expandAbbreviations = config.retrieval().abbreviations();
    }

    public AnalyzedQuery analyze(String question) {
        List<String> words = words(question);
        LayTerms.Match lay = layTerms.match(question);
        List<String> expansions = new ArrayList<>(lay.clinicalTerms());
        Set<String> lookup = new LinkedHashSet<>(words);
        expansions.forEach(term -> lookup.addAll(words(term)));
        Lexicon.Lookup found = lexicon.lookUp(lookup);
        Map<String, Integer> counts = new LinkedHashMap<>(found.articlesByWord());
        if (expandAbbreviations) {
            // Known only once the lookup has said which version of the corpus is current; the long forms' words
            // then cost a second lookup, which only questions that write a short form pay.
            List<String> longForms = abbreviations.longForms(question, found.vocabularyVersion(), englishWords::contains);
            longForms.stream().filter(form -> !expansions.contains(form)).forEach(expansions::add);
            Set<String> missing = new LinkedHashSet<>();
            longForms.forEach(form -> words(form).stream().filter(word -> !lookup.contains(word)).forEach(missing::add));
            if (!missing.isEmpty()) {
                counts.putAll(lexicon.lookUp(missing).articlesByWord());
            }
        }

        Map<String, String> corrections = new LinkedHashMap<>();
        for (String word : words) {
            // Stop words and the words of a recognised lay phrase ("chemo") are understood, not misspelt.
            if (!counts.containsKey(word) && word.length() >= 4 && word.chars().allMatch(Character::isLetter)
                    && !Terms.isStopWord(word) && !lay.layWords().contains(word)) {
                List<Lexicon.Entry> nearest = vocabulary.nearest(word, SPELLING_CANDIDATES, found.vocabularyVersion());
                SpellingCorrector.correct(word, nearest, englishWords.contains(word)).ifPresent(entry -> {
                    corrections.put(word, entry.word());
                    counts.put(entry.word(), entry.articles());
                });
            }
        }
        long total = Math.max(1, found.articleTotal());
        Map<String, Double> idf = new LinkedHashMap<>();
        for (String word : words) {
            String term = corrections.getOrDefault(word, word);
            if (counts.containsKey(term) && !Terms.isStopWord(term) && !isNumber(term)) {
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
                lexicalTerms(idf, counts, total), corrections, expansions,
                namePhrases(question, corrections, expansions), found.chunksVersion());
    }

    private static List<AnalyzedQuery.WeightedTerm> lexicalTerms(Map<String, Double> idf, Map<String, Integer> counts,
                                                                 long total) {
        List<AnalyzedQuery.WeightedTerm> ranked = idf.entrySet().stream()
                .map(e -> new AnalyzedQuery.WeightedTerm(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingDouble(AnalyzedQuery.WeightedTerm::idf).reversed())
                .toList();
        List<AnalyzedQuery.WeightedTerm> chosen = new ArrayList<>();
        for (AnalyzedQuery.WeightedTerm term : ranked) {
            int articles = counts.get(term.term());
            boolean common = articles > MAX_ARTICLE_SHARE * total && articles > COMMON_MIN_ARTICLES;
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

    /**
     * Every run of up to {@value #MAX_NAME_WORDS} words of the question (misspellings corrected; with and without
     * its possessives, {@link NameText#variants}) and each clinical term, normalised as article names are: the
     * candidates for an exact name lookup.
     */
    static List<String> namePhrases(String question, Map<String, String> corrections, List<String> expansions) {
        Set<String> phrases = new LinkedHashSet<>();
        for (String variant : NameText.variants(question)) {
            addPhrases(variant, corrections, phrases);
        }
        expansions.forEach(term -> phrases.add(NameText.normalize(term)));
        return List.copyOf(phrases);
    }

    private static void addPhrases(String normalized, Map<String, String> corrections, Set<String> phrases) {
        List<String> words = new ArrayList<>();
        for (String word : normalized.split(" ")) {
            words.add(corrections.getOrDefault(word, word));
        }
        for (int start = 0; start < words.size(); start++) {
            boolean content = false;
            // Titles may start with small words ("What I need to know about ..."): only all-small phrases are skipped.
            for (int end = start; end < Math.min(words.size(), start + MAX_NAME_WORDS); end++) {
                content |= !Terms.isStopWord(words.get(end));
                if (content && !words.get(end).isEmpty()) {
                    phrases.add(String.join(" ", words.subList(start, end + 1)));
                }
            }
        }
    }

    /** A bare number matches ages, doses and gene names alike: noise for finding the article. */
    private static boolean isNumber(String term) {
        return term.chars().allMatch(Character::isDigit);
    }

    private static double idf(int articles, long total) {
        // A count read a moment apart from the total may exceed it; IDF must stay positive.
        return Math.log(1 + Math.max(0, total - articles + 0.5) / (articles + 0.5));
    }


    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        // "couldn't" is one word, a stop word as "couldnt"; split at the apostrophe, "couldn" would be a rare
        // and so heavy word that no article uses.
        Matcher matcher = WORD.matcher(NOT_CONTRACTION.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("nt"));
        while (matcher.find()) {
            if (matcher.group().length() > 1 && !words.contains(matcher.group())) {
                words.add(matcher.group());
            }
        }
        return words;
    }
}
