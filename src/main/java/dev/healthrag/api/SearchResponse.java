package dev.healthrag.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * {@code interpretation}: the corrections, clinical terms and weighted words retrieval actually used;
 * {@code modelSearchQuery}: the search query the LLM wrote for the message and retrieval searched as well (absent
 * when none was written).
 */
public record SearchResponse(String query, String mode, SearchInterpretation interpretation,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String modelSearchQuery,
                             List<SearchResult> results, String disclaimer) {
}
