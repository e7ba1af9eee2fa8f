package dev.healthrag.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.healthrag.answer.Answer;
import dev.healthrag.answer.AnswerRequest;
import dev.healthrag.answer.History;
import dev.healthrag.answer.Citation;
import dev.healthrag.answer.render.ChatCompletionRenderer;
import dev.healthrag.answer.triage.TriageDecision;
import dev.healthrag.api.ApiException;
import dev.healthrag.api.RequestLimits;
import dev.healthrag.retrieval.ArticleFilter;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Maps between OpenAI's chat-completions records and the domain: a request to a {@link CompletionQuestion} and
 * then an {@link AnswerRequest}, and a domain {@link Answer} to a {@link ChatCompletion} or a stream's chunks.
 * Every check on a request is here, each failure an {@link OpenAiException} naming the field to fix.
 */
@ApplicationScoped
public class ChatCompletionMapper {

    /** The one model this channel serves: the whole answering pipeline, whatever LLM (or none) is behind it. */
    public static final String MODEL = "healthrag";
    /** Roles OpenAI defines; others are a client bug. */
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");
    /** OpenAI's rule of thumb for English text; the usage is an estimate, this service does not tokenize. */
    private static final int CHARACTERS_PER_TOKEN = 4;
    /** Characters per streamed content delta, at least; each delta ends after whitespace. */
    private static final int DELTA_CHARACTERS = 24;

    private final RequestLimits limits;
    private final ChatCompletionRenderer renderer;

    public ChatCompletionMapper(RequestLimits limits, ChatCompletionRenderer renderer) {
        this.limits = limits;
        this.renderer = renderer;
    }

    /** Validates a request: the model, unsupported features, and the messages, whose last must be the user's. */
    public CompletionQuestion question(ChatCompletionRequest request) {
        if (request == null) {
            throw OpenAiException.invalid("The request body is empty; send {\"model\": \"" + MODEL
                    + "\", \"messages\": [{\"role\": \"user\", \"content\": \"...\"}]}.", null, null);
        }
        model(request.model());
        if (present(request.tools()) || present(request.functions())) {
            String param = present(request.tools()) ? "tools" : "functions";
            throw OpenAiException.invalid("This model does not call tools or functions; send the request without "
                    + param + ".", param, "unsupported_parameter");
        }
        if (request.n() != null && request.n() != 1) {
            throw OpenAiException.invalid("This model gives one answer per request; n must be 1 (got "
                    + request.n() + ").", "n", "unsupported_value");
        }
        List<ChatCompletionRequest.Message> messages = request.messages();
        if (messages == null || messages.isEmpty()) {
            throw OpenAiException.invalid("messages must hold at least one message, the last being the user's "
                    + "question ({\"role\": \"user\", \"content\": \"...\"}).", "messages", null);
        }
        int characters = 0;
        for (int i = 0; i < messages.size(); i++) {
            characters += text(messages.get(i), i).length();
        }
        int last = messages.size() - 1;
        ChatCompletionRequest.Message question = messages.get(last);
        if (!"user".equals(question.role())) {
            throw OpenAiException.invalid("The last message must be the user's question (role \"user\"); it has "
                    + "role \"" + question.role() + "\".", "messages[" + last + "].role", null);
        }
        String param = "messages[" + last + "].content";
        try {
            String text = limits.question(text(question, last), param);
            boolean includeUsage = request.streamOptions() != null
                    && Boolean.TRUE.equals(request.streamOptions().includeUsage());
            return new CompletionQuestion(text, priorTurns(messages.subList(0, last)), includeUsage, characters);
        } catch (ApiException e) {
            throw new OpenAiException(e.status(), e.getMessage(), param, null);
        }
    }

    /** The model id a client named, if it is this channel's; otherwise a 404 as OpenAI gives for an unknown model. */
    public static void model(String model) {
        if (model == null || model.isBlank()) {
            throw OpenAiException.invalid("model is required; this server has one model, \"" + MODEL + "\".",
                    "model", null);
        }
        if (!MODEL.equals(model)) {
            throw new OpenAiException(404, "The model '" + shorten(model) + "' does not exist; this server has one "
                    + "model, \"" + MODEL + "\" (GET /v1/models).", "model", "model_not_found");
        }
    }

    /**
     * What the pipeline is asked: the last user message, with the earlier messages as the conversation's history
     * (so a follow-up is rewritten into a standalone query as on /api/chat). The client keeps the conversation,
     * so no conversation id is given and no turn is stored on the server.
     */
    public AnswerRequest toAnswerRequest(CompletionQuestion question) {
        List<dev.healthrag.answer.PriorTurn> turns = question.priorTurns().stream()
                .map(turn -> new dev.healthrag.answer.PriorTurn(turn.question(), null, turn.answer(), List.of()))
                .toList();
        return new AnswerRequest(question.question(), limits.topK((Integer) null, "topK"), ArticleFilter.NONE,
                null, History.of(turns));
    }

    public ChatCompletion toCompletion(Answer answer, CompletionQuestion question) {
        String content = renderer.render(answer);
        return new ChatCompletion(newId(), ChatCompletion.OBJECT, now(), MODEL,
                List.of(new ChatCompletion.Choice(0, new ChatCompletion.AssistantMessage("assistant", content, null),
                        null, "stop")),
                usage(question, content), citations(answer), answer.mode().wireName(), emergencyCategory(answer));
    }

    /** The stream's first chunk, sent before any work: the assistant's role and empty content, as OpenAI sends. */
    public ChatCompletionChunk roleChunk(String id, long created) {
        return chunk(id, created, new ChatCompletionChunk.Delta("assistant", ""), null);
    }

    /**
     * The rest of a stream, once the answer is verified: its rendered content in deltas that concatenate to
     * exactly the non-streamed content, a last chunk with the finish reason and the extension fields, and the
     * usage chunk when the client asked for it.
     */
    public List<ChatCompletionChunk> answerChunks(String id, long created, Answer answer, CompletionQuestion question) {
        String content = renderer.render(answer);
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        for (String delta : deltas(content)) {
            chunks.add(chunk(id, created, new ChatCompletionChunk.Delta(null, delta), null));
        }
        chunks.add(new ChatCompletionChunk(id, ChatCompletionChunk.OBJECT, created, MODEL,
                List.of(new ChatCompletionChunk.Choice(0, new ChatCompletionChunk.Delta(null, null), "stop")),
                null, citations(answer), answer.mode().wireName(), emergencyCategory(answer)));
        if (question.includeUsage()) {
            chunks.add(new ChatCompletionChunk(id, ChatCompletionChunk.OBJECT, created, MODEL, List.of(),
                    usage(question, content), null, null, null));
        }
        return chunks;
    }

    public static String newId() {
        return "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
    }

    public static long now() {
        return Instant.now().getEpochSecond();
    }

    /** Pieces of at least {@link #DELTA_CHARACTERS} characters, each ending after whitespace (or at the end). */
    static List<String> deltas(String content) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < content.length()) {
            int end = Math.min(content.length(), start + DELTA_CHARACTERS);
            while (end < content.length() && !Character.isWhitespace(content.charAt(end - 1))) {
                end++;
            }
            pieces.add(content.substring(start, end));
            start = end;
        }
        return pieces;
    }

    private static ChatCompletionChunk chunk(String id, long created, ChatCompletionChunk.Delta delta, String finish) {
        return new ChatCompletionChunk(id, ChatCompletionChunk.OBJECT, created, MODEL,
                List.of(new ChatCompletionChunk.Choice(0, delta, finish)), null, null, null, null);
    }

    /** User questions paired with the assistant answers that follow them; system and tool messages are skipped. */
    private static List<PriorTurn> priorTurns(List<ChatCompletionRequest.Message> earlier) {
        List<PriorTurn> turns = new ArrayList<>();
        String question = null;
        for (int i = 0; i < earlier.size(); i++) {
            ChatCompletionRequest.Message message = earlier.get(i);
            if ("user".equals(message.role())) {
                if (question != null) {
                    turns.add(new PriorTurn(question, null));
                }
                question = text(message, i);
            } else if ("assistant".equals(message.role()) && question != null) {
                turns.add(new PriorTurn(question, text(message, i)));
                question = null;
            }
        }
        if (question != null) {
            turns.add(new PriorTurn(question, null));
        }
        return turns;
    }

    /** A message's text: its content string, or its text parts joined by line breaks; other parts are refused. */
    private static String text(ChatCompletionRequest.Message message, int index) {
        if (message == null) {
            throw OpenAiException.invalid("messages[" + index + "] must be a message object.",
                    "messages[" + index + "]", null);
        }
        String role = message.role();
        if (role == null || !ROLES.contains(role)) {
            throw OpenAiException.invalid("messages[" + index + "].role must be one of " + String.join(", ",
                    ROLES.stream().sorted().toList()) + (role == null ? "." : " (got \"" + shorten(role) + "\")."),
                    "messages[" + index + "].role", null);
        }
        JsonNode content = message.content();
        String param = "messages[" + index + "].content";
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        if (!content.isArray()) {
            throw OpenAiException.invalid(param + " must be a string or an array of text parts.", param, null);
        }
        List<String> texts = new ArrayList<>();
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            String partParam = param + "[" + j + "]";
            if (!part.isObject() || !part.path("type").isTextual()) {
                throw OpenAiException.invalid(partParam + " must be an object such as {\"type\": \"text\", "
                        + "\"text\": \"...\"}.", partParam, null);
            }
            if (!"text".equals(part.get("type").textValue())) {
                throw OpenAiException.invalid("Only text parts are supported; " + partParam + " has type \""
                        + shorten(part.get("type").textValue()) + "\".", partParam + ".type", "unsupported_value");
            }
            if (!part.path("text").isTextual()) {
                throw OpenAiException.invalid(partParam + ".text must be a string.", partParam + ".text", null);
            }
            texts.add(part.get("text").textValue());
        }
        return String.join("\n", texts);
    }

    private static ChatCompletion.Usage usage(CompletionQuestion question, String content) {
        int prompt = tokens(question.promptCharacters());
        int completion = tokens(content.length());
        return new ChatCompletion.Usage(prompt, completion, prompt + completion);
    }

    private static int tokens(int characters) {
        return (characters + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN;
    }

    private static List<ChatCompletion.CitationView> citations(Answer answer) {
        return answer.citations().stream().map(ChatCompletionMapper::citation).toList();
    }

    private static ChatCompletion.CitationView citation(Citation c) {
        return new ChatCompletion.CitationView(c.ref(), c.title(), c.url());
    }

    private static String emergencyCategory(Answer answer) {
        TriageDecision triage = answer.triage();
        return triage != null && triage.emergency() ? triage.category().id() : null;
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !(node.isArray() && node.isEmpty());
    }

    /** Enough of a bad value to recognise it, not enough to reflect a payload. */
    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
