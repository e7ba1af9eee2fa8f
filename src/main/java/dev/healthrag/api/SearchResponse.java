package dev.healthrag.api;

import dev.healthrag.retrieval.AnalyzedQuery;

import java.util.List;

/** {@code interpretation}: the corrections, clinical terms and weighted words retrieval actually used. */
public record SearchResponse(String query, String mode, AnalyzedQuery interpretation, List<SearchResult> results,
                             String disclaimer) {
}
