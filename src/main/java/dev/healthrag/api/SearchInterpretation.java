package dev.healthrag.api;

import dev.healthrag.retrieval.AnalyzedQuery;

import java.util.List;
import java.util.Map;

/**
 * What retrieval made of the query, as /api/search shows it to a developer: the text embedded, the weighted words
 * searched, the corrections, the clinical terms and long forms added, and the phrases looked up as article names.
 */
public record SearchInterpretation(String denseText, List<Term> lexicalTerms, Map<String, String> corrections,
                                   List<String> expansions, List<String> namePhrases) {

    public record Term(String term, double idf) {
    }

    static SearchInterpretation of(AnalyzedQuery query) {
        return new SearchInterpretation(query.denseText(),
                query.lexicalTerms().stream().map(term -> new Term(term.term(), term.idf())).toList(),
                query.corrections(), query.expansions(), query.namePhrases());
    }
}
