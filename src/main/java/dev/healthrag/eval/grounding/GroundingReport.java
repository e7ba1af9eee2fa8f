package dev.healthrag.eval.grounding;

import java.util.Map;

/**
 * The verifier on labelled claims: share of unsupported ones removed, of supported ones kept, and per
 * transformation type the share judged right (kept for a supported type, removed for an unsupported one).
 */
public record GroundingReport(Rate unsupportedRemoved, Rate supportedKept, Map<String, Rate> byType) {

    public GroundingReport {
        byType = Map.copyOf(byType);
    }
}
