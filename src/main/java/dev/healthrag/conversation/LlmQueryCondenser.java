package dev.healthrag.conversation;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.answer.LlmGuard;
import dev.healthrag.answer.PriorTurn;
import dev.healthrag.answer.PromptResource;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Asks the configured LLM to condense a follow-up and the conversation before it into one standalone search
 * query, as LangChain4j's {@code CompressingQueryTransformer} does: the conversation as "User:" and
 * "Assistant:" lines and the new message, in one user message (template {@code prompts/condense.txt}); the
 * reply, one line, is the query.
 */
@ApplicationScoped
public class LlmQueryCondenser {

    /** Characters of an earlier answer shown to the model: its opening says what it was about. */
    private static final int ANSWER_CHARS = 600;

    private final ChatModel chatModel;
    private final LlmGuard guard;
    private final String template;
    private final int maxQueryLength;

    public LlmQueryCondenser(ChatModel chatModel, LlmGuard guard, HealthRagConfig config) {
        this.chatModel = chatModel;
        this.guard = guard;
        this.template = PromptResource.load("condense.txt", "{{conversation}}", "{{question}}");
        this.maxQueryLength = config.question().maxLength();
    }

    /**
     * @throws RuntimeException when the model fails, takes longer than healthrag.llm.rewrite-deadline, its breaker
     *                          is open, or it replies with nothing usable as a query (empty,
     *                          or longer than a question may be); the caller then uses the deterministic rule
     */
    public String condense(String question, List<PriorTurn> history) {
        String reply;
        try {
            reply = guard.callRewrite(() -> chatModel.chat(UserMessage.from(prompt(question, history))),
                    ChatResponse.class).aiMessage().text();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(String.valueOf(e.getMessage()), e);
        }
        String query = reply == null ? "" : firstLine(reply);
        if (query.isEmpty() || query.length() > maxQueryLength) {
            throw new IllegalStateException("the model's rewrite is " + (query.isEmpty() ? "empty" : "too long"));
        }
        return query;
    }

    String prompt(String question, List<PriorTurn> history) {
        StringBuilder conversation = new StringBuilder();
        for (PriorTurn turn : history) {
            conversation.append("User: ").append(oneLine(turn.question())).append('\n');
            String answer = oneLine(turn.answer());
            if (answer.length() > ANSWER_CHARS) {
                answer = answer.substring(0, ANSWER_CHARS) + "...";
            }
            conversation.append("Assistant: ").append(answer);
            if (!turn.citedTitles().isEmpty()) {
                conversation.append(" (sources: ").append(String.join("; ", turn.citedTitles())).append(')');
            }
            conversation.append('\n');
        }
        // One pass, so a message containing "{{conversation}}" is not expanded.
        return template.replace("{{question}}", "\u0000q").replace("{{conversation}}", conversation.toString().strip())
                .replace("\u0000q", oneLine(question));
    }

    private static String firstLine(String reply) {
        String line = reply.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        // Models like to quote the query or label it, though asked not to.
        line = line.replaceFirst("(?i)^(standalone |search )?query:\\s*", "");
        if (line.length() >= 2 && (line.startsWith("\"") && line.endsWith("\""))) {
            line = line.substring(1, line.length() - 1).strip();
        }
        return line;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
