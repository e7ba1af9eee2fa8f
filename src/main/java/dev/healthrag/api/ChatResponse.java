package dev.healthrag.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Body of a /api/chat answer. {@code answer} is the text to show (emergency guidance, body, disclaimer);
 * {@code body}, {@code emergencyNotice} and {@code disclaimer} are its parts for widgets that lay them out
 * themselves. {@code retrieved}, {@code prompt}, {@code debug} appear only with ?debug=true.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatResponse(String answer, String body, List<CitationView> citations, List<SentenceView> grounding,
                           String emergencyNotice, String disclaimer, String conversationId, String mode,
                           boolean emergency, String emergencyCategory, List<SearchResult> retrieved,
                           PromptView prompt, DebugView debug) {

    /** One source the answer cites as [ref]. */
    public record CitationView(int ref, String articleId, String title, String url, String section, String snippet,
                               double score) {
    }

    /** The verifier's verdict on one sentence; a removed sentence's text is shown only with ?debug=true. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SentenceView(String text, List<Integer> refs, boolean supported, String reason) {
    }

    public record PromptView(String system, String user) {
    }

    /**
     * How the answer was made: the query retrieval ran, the model's search query beside it, triage's verdict, the model's raw output before
     * verification, any fallback, each stage's time, the exact messages sent to the model and the tokens it
     * reported.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DebugView(String query, String modelSearchQuery, boolean triageEmergency, String triageCategory, double triageScore,
                            String triageReason, String modelOutput, String fallbackReason, TimingsView timings,
                            List<MessageView> messages, TokensView tokens) {
    }

    /** Milliseconds per stage; a stage that did not run is absent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimingsView(Double triageMs, Double embedMs, Double searchMs, Double generateMs, Double verifyMs) {
    }

    /** One message as the model was sent it ({@code role} system or user). */
    public record MessageView(String role, String content) {
    }

    /** Tokens the model reported for this answer; a count it did not report is absent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TokensView(Integer prompt, Integer completion, Integer total) {
    }
}
