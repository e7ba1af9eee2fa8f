package dev.healthrag.api;

import dev.healthrag.answer.AnswerPipeline;
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
    private final ChatRequestMapper requests;
    private final ChatResponseMapper mapper;

    public ChatResource(AnswerPipeline answers, ChatRequestMapper requests, ChatResponseMapper mapper) {
        this.answers = answers;
        this.requests = requests;
        this.mapper = mapper;
    }

    @POST
    @Operation(summary = "Answer a health question from the articles, with numbered citations and the disclaimer",
            description = "conversationId (a UUID) continues a conversation kept on the server: a follow-up is "
                    + "rewritten into a standalone query from the earlier turns. Without one, a new conversation starts "
                    + "and its id is returned; an id the server does not know starts a new conversation under that id. "
                    + "With ?debug=true the response also carries the retrieved chunks with their scores, "
                    + "the prompt sent to the model, its raw output and the triage verdict; the server must enable "
                    + "it (healthrag.api.debug-enabled), otherwise ?debug=true is a 403.")
    public ChatResponse chat(ChatRequest request, @QueryParam("debug") boolean debug) {
        ChatRequestMapper.Mapped mapped = requests.toAnswerRequest(request, debug);
        return mapper.toResponse(answers.answer(mapped.request()), mapped.conversationId().toString(),
                mapped.showDebug());
    }
}
