package dev.healthrag.api;

import dev.healthrag.answer.Answer;
import dev.healthrag.answer.AnswerService;
import dev.healthrag.retrieval.RetrievedChunk;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

@Path("/api/chat")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChatResource {

    private final AnswerService answers;
    private final RequestLimits limits;

    public ChatResource(AnswerService answers, RequestLimits limits) {
        this.answers = answers;
        this.limits = limits;
    }

    @POST
    @Operation(summary = "Answer a health question from the articles, with numbered citations and the disclaimer",
            description = "With ?debug=true the response also carries the retrieved chunks with their scores "
                    + "and the prompt sent to the model.")
    public ChatResponse chat(ChatRequest request, @QueryParam("debug") boolean debug) {
        if (request == null) {
            throw ApiException.badRequest("The request body is empty; send {\"question\": \"...\"}.");
        }
        String question = limits.question(request.question(), "question");
        int topK = limits.topK(request.topK(), "topK");
        Answer answer = answers.answer(question, topK, Filters.toSearchFilter(request.filters()));
        String conversationId = request.conversationId() == null || request.conversationId().isBlank()
                ? UUID.randomUUID().toString() : request.conversationId();
        return new ChatResponse(answer.text(), answer.citations(), answer.disclaimer(), conversationId, answer.mode(),
                answer.emergency(), debug ? ranked(answer.retrieved()) : null, debug ? answer.prompt() : null);
    }

    private static List<SearchResult> ranked(List<RetrievedChunk> chunks) {
        return IntStream.range(0, chunks.size()).mapToObj(i -> SearchResult.of(i + 1, chunks.get(i))).toList();
    }
}
