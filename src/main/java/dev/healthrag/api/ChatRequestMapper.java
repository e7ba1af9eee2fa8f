package dev.healthrag.api;

import dev.healthrag.answer.AnswerRequest;
import dev.healthrag.conversation.Conversations;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Turns a /api/chat body (blocking or streamed) into what the pipeline is asked: every field checked against
 * {@link RequestLimits}, the conversation's id settled (a new one when none was sent) and its history attached.
 */
@ApplicationScoped
public class ChatRequestMapper {

    /** The pipeline's request, the conversation it belongs to, and whether the response shows debug output. */
    public record Mapped(AnswerRequest request, UUID conversationId, boolean showDebug) {
    }

    private final RequestLimits limits;
    private final Conversations conversations;

    public ChatRequestMapper(RequestLimits limits, Conversations conversations) {
        this.limits = limits;
        this.conversations = conversations;
    }

    /** @throws ApiException when the body is missing or a field breaks its limit, saying which and how to fix it */
    public Mapped toAnswerRequest(ChatRequest request, boolean debug) {
        boolean showDebug = limits.debug(debug);
        if (request == null) {
            throw ApiException.badRequest("The request body is empty; send {\"question\": \"...\"}.");
        }
        UUID conversationId = limits.conversationId(request.conversationId());
        String question = limits.question(request.question(), "question");
        int topK = limits.topK(request.topK(), "topK");
        return new Mapped(conversations.request(conversationId, question, topK,
                Filters.toArticleFilter(request.filters(), limits)), conversationId, showDebug);
    }
}
