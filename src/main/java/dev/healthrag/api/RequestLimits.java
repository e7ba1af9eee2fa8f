package dev.healthrag.api;

import dev.healthrag.HealthRagConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The checks every channel applies to a request before any work is done. Each failure is a 4xx whose message
 * says what to fix; a value that is too long is described by its length, never echoed back.
 */
@ApplicationScoped
public class RequestLimits {

    /** A UUID in its usual 8-4-4-4-12 hex form (any case); UUID.fromString alone also takes "1-2-3-4-5". */
    private static final Pattern CONVERSATION_ID = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
    /** Enough of a bad short value to recognise it, not enough to reflect a payload. */
    private static final int ECHO_LENGTH = 40;

    private final int maxQuestionLength;
    private final int defaultTopK;
    private final int maxTopK;
    private final HealthRagConfig.Api api;

    public RequestLimits(HealthRagConfig config) {
        this.maxQuestionLength = config.question().maxLength();
        this.defaultTopK = config.retrieval().topK();
        this.maxTopK = config.retrieval().maxTopK();
        this.api = config.api();
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

    /** A count given as query text: not an integer (blank included) is a 400 like out of range, not a 404. */
    public int topK(String requested, String name) {
        if (requested == null) {
            return defaultTopK;
        }
        try {
            return topK(Integer.parseInt(requested.strip()), name);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number between 1 and " + maxTopK + " (got '"
                    + echo(requested) + "').");
        }
    }

    /**
     * The client's conversationId (a UUID, in its canonical lower-case form), or a new one when it sent none. A
     * well-formed id the server has no turns for starts a new conversation under that id.
     */
    public UUID conversationId(String requested) {
        if (requested == null || requested.isBlank()) {
            return UUID.randomUUID();
        }
        if (requested.length() > api.maxConversationIdLength()) {
            throw ApiException.badRequest("conversationId is " + requested.length() + " characters long; the limit is "
                    + api.maxConversationIdLength() + ". Send the UUID an earlier answer returned, or omit it to start "
                    + "a new conversation.");
        }
        if (!CONVERSATION_ID.matcher(requested.strip()).matches()) {
            throw ApiException.badRequest("conversationId must be a UUID such as 3f0b9c52-6d1e-4c8a-9f2e-1b7a5d4c3e21 "
                    + "(the one an earlier answer returned); omit it to start a new conversation.");
        }
        return UUID.fromString(requested.strip());
    }

    /** One filter value, stripped; null when absent or blank. */
    public String filterValue(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > api.maxFilterLength()) {
            throw ApiException.badRequest(name + " is " + value.length() + " characters long; the limit is "
                    + api.maxFilterLength() + ".");
        }
        // PostgreSQL text cannot hold NUL, and no category, source or tag contains a control character.
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest(name + " must not contain control characters.");
        }
        return value.strip();
    }

    /** The non-blank tags, each checked as a filter value; more than the limit is a 400. */
    public List<String> tags(List<String> tags, String name) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > api.maxTags()) {
            throw ApiException.badRequest(name + ": " + tags.size() + " given; the limit is " + api.maxTags() + ".");
        }
        return tags.stream().map(tag -> filterValue(tag, name)).filter(tag -> tag != null).toList();
    }

    /** Whether to show debug output; asking while it is switched off is a 403 that says how to switch it on. */
    public boolean debug(boolean requested) {
        if (requested && !api.debugEnabled()) {
            throw new ApiException(403, "Debug output (?debug=true) is off on this server because it shows the prompt "
                    + "and the retrieved chunks; set healthrag.api.debug-enabled=true (HEALTHRAG_API_DEBUG_ENABLED) "
                    + "to turn it on.");
        }
        return requested;
    }

    private static String echo(String value) {
        return value.length() <= ECHO_LENGTH ? value : value.substring(0, ECHO_LENGTH) + "...";
    }
}
