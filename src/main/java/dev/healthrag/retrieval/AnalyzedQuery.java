package dev.healthrag.retrieval;

import java.util.List;
import java.util.Map;

/**
 * What retrieval made of a question: the text embedded for dense search (with corrections and clinical
 * terms appended), the IDF-weighted lexical terms, and the phrases that could be an article's name.
 */
public record AnalyzedQuery(String denseText, List<WeightedTerm> lexicalTerms,
                            Map<String, String> corrections, List<String> expansions, List<String> namePhrases) {

    public record WeightedTerm(String term, double idf) {
    }
}
