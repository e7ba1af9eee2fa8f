package dev.healthrag.api;

import java.util.List;

public record SearchResponse(String query, String mode, List<SearchResult> results, String disclaimer) {
}
