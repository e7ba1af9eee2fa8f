package dev.healthrag.retrieval;

import java.util.List;
import java.util.Map;

/**
 * What retrieval made of a question: the text embedded for dense search (with corrections and clinical
 * terms appended), the IDF-weighted lexical terms, and the phrases that could be an article's name; and the
 * version of the stored chunks its word counts were read at ({@code chunksVersion}), which says whether vectors
 * held in memory are still those stored.
 */
public record AnalyzedQuery(String denseText, List<WeightedTerm> lexicalTerms,
                            Map<String, String> corrections, List<String> expansions, List<String> namePhrases,
                            long chunksVersion) {

    public record WeightedTerm(String term, double idf) {
    }
}
