package dev.healthrag.api;

import dev.healthrag.answer.AnswerPipeline;
import dev.healthrag.answer.AnswerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/chat")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChatResource {

    private final AnswerPipeline answers;
    private final ChatResponseMapper mapper;
    private final RequestLimits limits;

    public ChatResource(AnswerPipeline answers, ChatResponseMapper mapper, RequestLimits limits) {
        this.answers = answers;
        this.mapper = mapper;
        this.limits = limits;
    }

    @POST
    @Operation(summary = "Answer a health question from the articles, with numbered citations and the disclaimer",
            description = "With ?debug=true the response also carries the retrieved chunks with their scores, "
                    + "the prompt sent to the model, its raw output and the triage verdict; the server must enable "
                    + "it (healthrag.api.debug-enabled), otherwise ?debug=true is a 403.")
    public ChatResponse chat(ChatRequest request, @QueryParam("debug") boolean debug) {
        boolean showDebug = limits.debug(debug);
        if (request == null) {
            throw ApiException.badRequest("The request body is empty; send {\"question\": \"...\"}.");
        }
        String conversationId = limits.conversationId(request.conversationId());
        String question = limits.question(request.question(), "question");
        int topK = limits.topK(request.topK(), "topK");
        return mapper.toResponse(answers.answer(new AnswerRequest(question, topK, Filters.toArticleFilter(
                request.filters(), limits))), conversationId, showDebug);
    }
}
