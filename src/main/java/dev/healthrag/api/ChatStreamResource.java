package dev.healthrag.api;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.answer.AnswerEvent;
import dev.healthrag.answer.AnswerPipeline;
import dev.healthrag.answer.AnswerStreamer;
import dev.healthrag.answer.PreparedAnswer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.time.Duration;

/**
 * POST /api/chat/stream: /api/chat's answer as Server-Sent Events. The request is checked and the answer
 * prepared (triage, retrieval: blocking work) on a worker thread before the stream starts, so bad input and a
 * database outage get /api/chat's JSON errors; the events then come from {@link AnswerStreamer}.
 */
@Path("/api/chat/stream")
public class ChatStreamResource {


    private final AnswerPipeline answers;
    private final AnswerStreamer streamer;
    private final ChatResponseMapper mapper;
    private final ChatRequestMapper requests;
    private final Duration keepAliveInterval;

    public ChatStreamResource(AnswerPipeline answers, AnswerStreamer streamer, ChatResponseMapper mapper,
                              ChatRequestMapper requests, HealthRagConfig config) {
        this.answers = answers;
        this.streamer = streamer;
        this.mapper = mapper;
        this.requests = requests;
        this.keepAliveInterval = config.stream().keepAliveInterval();
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a health question as Server-Sent Events: sources, tokens, then the verified answer",
            description = "Takes /api/chat's request body and answers 400/403/503 as it does. Otherwise a stream of "
                    + "events, always in this order: `sources` once (`{\"sources\": [...]}`, what the answer may "
                    + "cite, numbered as the model's [n] markers number them), `token` any number of times "
                    + "(`{\"text\": \"...\"}`: the model's raw output as it streams, or an extractive, no-answer or "
                    + "emergency answer's text in a few pieces), `error` at most once (`{\"error\": \"...\"}`: the "
                    + "model failed or ran out of time), then `done` once, whose data is exactly /api/chat's "
                    + "response (with `debug` under ?debug=true). The `done` answer is the authority: the verifier "
                    + "may remove sentences that were streamed and renumbers citations, so replace the streamed text "
                    + "with `done`'s `answer` (it carries the disclaimer). Lines starting with ':' are keep-alive "
                    + "comments (healthrag.stream.keep-alive-interval). Closing the connection stops the model.")
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    public Multi<OutboundSseEvent> stream(ChatRequest request, @QueryParam("debug") boolean debug,
                                          @Context Sse sse) {
        ChatRequestMapper.Mapped mapped = requests.toAnswerRequest(request, debug);
        PreparedAnswer prepared = answers.prepare(mapped.request());
        String conversationId = mapped.conversationId().toString();
        boolean showDebug = mapped.showDebug();

        Multi<OutboundSseEvent> events = streamer.stream(prepared)
                .onItem().transform(event -> toSse(sse, event, conversationId, showDebug));
        return SseKeepAlive.around(sse, events, keepAliveInterval);
    }

    private OutboundSseEvent toSse(Sse sse, AnswerEvent event, String conversationId, boolean debug) {
        OutboundSseEvent.Builder builder = sse.newEventBuilder();
        if (event instanceof AnswerEvent.Sources sources) {
            return builder.name("sources").data(new StreamEventViews.SourcesView(
                    sources.sources().stream().map(ChatResponseMapper::citation).toList())).build();
        }
        if (event instanceof AnswerEvent.Token token) {
            return builder.name("token").data(new StreamEventViews.TokenView(token.text())).build();
        }
        if (event instanceof AnswerEvent.Failed failed) {
            return builder.name("error").data(new StreamEventViews.ErrorView(failed.message())).build();
        }
        AnswerEvent.Done done = (AnswerEvent.Done) event;
        return builder.name("done").data(mapper.toResponse(done.answer(), conversationId, debug)).build();
    }
}
