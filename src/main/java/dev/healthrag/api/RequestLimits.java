package dev.healthrag.api;

import dev.healthrag.HealthRagConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** The checks every channel applies to a question before any work is done. */
@ApplicationScoped
public class RequestLimits {

    private final int maxQuestionLength;
    private final int defaultTopK;
    private final int maxTopK;

    public RequestLimits(HealthRagConfig config) {
        this.maxQuestionLength = config.question().maxLength();
        this.defaultTopK = config.retrieval().topK();
        this.maxTopK = config.retrieval().maxTopK();
    }

    public String question(String question, String name) {
        if (question == null || question.isBlank()) {
            throw ApiException.badRequest(name + " must not be empty; send the question as text.");
        }
        if (question.length() > maxQuestionLength) {
            throw ApiException.badRequest(name + " is " + question.length() + " characters long; the limit is "
                    + maxQuestionLength + ". Shorten it and ask again.");
        }
        return question.strip();
    }

    public int topK(Integer requested, String name) {
        if (requested == null) {
            return defaultTopK;
        }
        if (requested < 1 || requested > maxTopK) {
            throw ApiException.badRequest(name + " must be between 1 and " + maxTopK + " (got " + requested + ").");
        }
        return requested;
    }
}
