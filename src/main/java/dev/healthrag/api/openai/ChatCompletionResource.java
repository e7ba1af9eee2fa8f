package dev.healthrag.api.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.healthrag.HealthRagConfig;
import dev.healthrag.answer.Answer;
import dev.healthrag.answer.AnswerEvent;
import dev.healthrag.answer.AnswerPipeline;
import dev.healthrag.answer.AnswerRequest;
import dev.healthrag.answer.AnswerStreamer;
import dev.healthrag.api.SseKeepAlive;
import dev.healthrag.retrieval.RetrievalBusyException;
import dev.healthrag.store.StoreUnavailableException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code POST /v1/chat/completions}, OpenAI's chat-completions API over the shared answering pipeline, so that
 * any OpenAI client (Open WebUI, LibreChat, the OpenAI SDKs, LangChain4j) can use this service as its model
 * {@value ChatCompletionMapper#MODEL}. The last user message is the question; the content is the verified answer
 * with its [n] markers, a Sources list and the disclaimer ({@code ChatCompletionRenderer}); {@code citations} and
 * {@code mode} are extension fields. Errors have OpenAI's shape ({@link OpenAiError}).
 * <p>
 * <b>Streaming streams the verified answer, not the model's tokens.</b> OpenAI clients show streamed content as
 * it arrives and have no way to replace it, unlike /api/chat's widgets, which replace the streamed text by the
 * final answer. Streaming the model's raw tokens would show users sentences the verifier then removes (claims no
 * source supports), and answers without the Sources list or the disclaimer if the stream broke. So a stream sends
 * the role chunk at once (the client sees life), SSE comments every {@code healthrag.openai.keep-alive} while the
 * pipeline runs to completion (so proxies keep the connection open), and then the verified content in small
 * deltas, a last chunk with {@code finish_reason}, and {@code data: [DONE]}. Underneath, the model is called as
 * /api/chat/stream calls it ({@link AnswerStreamer}), its tokens read and kept back: so a client that hangs up
 * stops the model's answer where it is, and nothing is verified for it.
 * <p>
 * JAX-RS chooses a method by path, media types and HTTP method, never by the body, while OpenAI asks for a stream
 * in the body ({@code "stream": true}). {@link StreamDispatch} reads that flag first and sets the request's
 * {@code Accept}, which picks {@link #complete} (JSON) or {@link #stream} (Server-Sent Events).
 * <p>
 * The {@code Authorization} header is accepted and ignored: this channel has no API keys yet.
 */
@Path("/v1/chat/completions")
@Consumes(MediaType.APPLICATION_JSON)
public class ChatCompletionResource {

    private static final Logger LOG = Logger.getLogger(ChatCompletionResource.class);
    /** Opens every OpenAI data line: {@code data: {...}}, as OpenAI writes it (Quarkus writes no space after the colon). */
    private static final String DATA_PREFIX = " ";
    private static final String DONE = "[DONE]";

    private final AnswerPipeline answers;
    private final AnswerStreamer streamer;
    private final ChatCompletionMapper mapper;
    private final ObjectMapper json;
    private final Duration keepAlive;

    public ChatCompletionResource(AnswerPipeline answers, AnswerStreamer streamer, ChatCompletionMapper mapper,
                                  ObjectMapper json, HealthRagConfig config) {
        this.answers = answers;
        this.streamer = streamer;
        this.mapper = mapper;
        this.json = json;
        this.keepAlive = config.openai().keepAlive();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OpenAI-compatible chat completion (model \"healthrag\"): the verified answer with its [n] "
            + "markers, a Sources list and the disclaimer",
            description = "With \"stream\": true the answer comes as OpenAI's chat.completion.chunk events over "
                    + "Server-Sent Events, ending with data: [DONE]; the streamed content is the verified answer.")
    public ChatCompletion complete(ChatCompletionRequest request) {
        CompletionQuestion question = mapper.question(request);
        return mapper.toCompletion(answers.answer(mapper.toAnswerRequest(question)), question);
    }

    @POST
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public Multi<OutboundSseEvent> stream(ChatCompletionRequest request, @Context Sse sse) {
        CompletionQuestion question = mapper.question(request); // a bad request is a JSON 400, before any event
        AnswerRequest answerRequest = mapper.toAnswerRequest(question);
        String id = ChatCompletionMapper.newId();
        long created = ChatCompletionMapper.now();
        // Preparing blocks (triage, embedding, database): never on the event loop this method runs on. Only the
        // verified answer is sent, so the sources and the model's tokens are dropped here.
        Multi<OutboundSseEvent> answer = Uni.createFrom().item(() -> answers.prepare(answerRequest))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToMulti(streamer::stream)
                .select().where(event -> event instanceof AnswerEvent.Done)
                .onItem().transformToMultiAndConcatenate(done -> Multi.createFrom()
                        .iterable(events(sse, id, created, ((AnswerEvent.Done) done).answer(), question)))
                .onFailure().recoverWithMulti(failure -> Multi.createFrom().item(data(sse, streamFailure(failure))));
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().item(data(sse, mapper.roleChunk(id, created))),
                SseKeepAlive.around(sse, answer, keepAlive));
    }

    private List<OutboundSseEvent> events(Sse sse, String id, long created, Answer answer, CompletionQuestion question) {
        List<OutboundSseEvent> events = mapper.answerChunks(id, created, answer, question).stream()
                .map(chunk -> data(sse, chunk)).collect(Collectors.toList());
        events.add(sse.newEventBuilder().data(String.class, DATA_PREFIX + DONE).build());
        return events;
    }

    /**
     * The headers are sent, so a failure (the database down, retrieval overloaded) can only be an error event,
     * in OpenAI's error shape as OpenAI sends one mid-stream; the stream then ends without [DONE].
     */
    private static OpenAiError streamFailure(Throwable failure) {
        if (failure instanceof StoreUnavailableException) {
            return OpenAiError.of(503, "The article database is unavailable right now; try again shortly.", null,
                    "service_unavailable");
        }
        if (failure instanceof RetrievalBusyException busy) {
            return OpenAiError.of(503, busy.getMessage(), null, "service_unavailable");
        }
        LOG.error("A streamed chat completion failed", failure);
        return OpenAiError.of(500, "Something went wrong on our side; the error has been logged.", null, null);
    }

    private OutboundSseEvent data(Sse sse, Object value) {
        try {
            return sse.newEventBuilder().data(String.class, DATA_PREFIX + json.writeValueAsString(value)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a chunk could not be written as JSON", e);
        }
    }

    // Body errors of this resource in OpenAI's shape, naming the field; Quarkus REST consults a resource's own
    // mappers before the global /api ones. (Not WebApplicationException: Quarkus maps a 405 or 415 with this class
    // as the target but no instance of it; those reach OpenAiErrorMappers through the /api mappers.)

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        if (e instanceof MismatchedInputException shape) {
            return wrongShape(shape);
        }
        return error(OpenAiError.of(400, "The request body is not valid JSON; send an object such as "
                + EXAMPLE + ".", null, null));
    }

    private static final String EXAMPLE = "{\"model\": \"" + ChatCompletionMapper.MODEL
            + "\", \"messages\": [{\"role\": \"user\", \"content\": \"...\"}]}";

    private static Response wrongShape(MismatchedInputException e) {
        String original = e.getOriginalMessage();
        if (original != null && original.startsWith("Trailing token")) {
            return error(OpenAiError.of(400, "The request body has more after its JSON object; send exactly one "
                    + "JSON object.", null, null));
        }
        if (e.getPath().isEmpty()) {
            return error(OpenAiError.of(400, "The request body must be a JSON object such as " + EXAMPLE + ".",
                    null, null));
        }
        String field = e.getPath().stream().map(ChatCompletionResource::step).collect(Collectors.joining())
                .replaceFirst("^\\.", "");
        return error(OpenAiError.of(400, "The request body is JSON, but " + field + " must be "
                + type(e.getTargetType()) + ".", field, null));
    }

    private static String step(JsonMappingException.Reference reference) {
        return reference.getFieldName() != null ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]";
    }

    private static String type(Class<?> target) {
        if (target == String.class) {
            return "a string";
        }
        if (target == Integer.class || target == int.class) {
            return "a whole number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target != null && (target.isArray() || java.util.Collection.class.isAssignableFrom(target))) {
            return "an array";
        }
        return target == null ? "another JSON type" : "an object";
    }

    private static Response error(OpenAiError body) {
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
