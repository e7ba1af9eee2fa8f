package dev.healthrag.answer;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.retrieval.AlternativeQuery;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Asks the configured LLM for a standalone clinical search query for a message (template
 * {@code prompts/search-query.txt}), which retrieval searches beside the message's own words. A person writes "my
 * mom's legs swell by evening and her doctor mentioned her heart"; the model writes "heart failure leg swelling
 * edema". Only when a model is configured and {@code healthrag.llm.search-query.enabled}, and only for messages of
 * at least {@code min-words} words; within {@code healthrag.llm.rewrite-deadline} ({@link LlmGuard#callRewrite}),
 * so a slow or failing model costs retrieval that long at most and never its answer.
 *
 * <p>The query only adds ranked lists to the fusion: what the model writes can move an article up, never put
 * text into an answer, so a message that tries to steer the model here steers a search at most.
 */
@Startup
@ApplicationScoped
public class LlmSearchQuery implements AlternativeQuery {

    private static final Logger LOG = Logger.getLogger(LlmSearchQuery.class);

    /** Longest reply taken as a query: a search query is a line, not a paragraph. */
    private static final int MAX_QUERY_CHARS = 200;

    private final ChatModel chatModel;
    private final LlmGuard guard;
    private final AnswerMetrics metrics;
    private final String template;
    private final boolean enabled;
    private final int minWords;

    public LlmSearchQuery(ChatModel chatModel, LlmGuard guard, AnswerMetrics metrics, HealthRagConfig config) {
        this.chatModel = chatModel;
        this.guard = guard;
        this.metrics = metrics;
        this.template = PromptResource.load("search-query.txt", "{{question}}");
        this.enabled = config.llm().writesSearchQueries();
        int words = config.llm().searchQuery().minWords();
        if (words < 1) {
            throw new IllegalArgumentException("healthrag.llm.search-query.min-words must be at least 1, not " + words);
        }
        this.minWords = words;
    }

    @Override
    public Optional<String> forMessage(String message) {
        if (!enabled || message == null || words(message) < minWords) {
            return Optional.empty();
        }
        String outcome = "failed";
        long started = System.nanoTime();
        try {
            ChatResponse response = guard.callRewrite(() -> chatModel.chat(UserMessage.from(prompt(message))),
                    ChatResponse.class);
            Optional<String> query = queryIn(response.aiMessage() == null ? null : response.aiMessage().text(),
                    message);
            outcome = query.isPresent() ? "used" : "unusable";
            return query;
        } catch (TimeoutException e) {
            outcome = "timeout";
            LOG.warnf("The LLM wrote no search query within %d ms; searching the message alone",
                    guard.rewriteDeadline().toMillis());
        } catch (CircuitBreakerOpenException e) {
            outcome = "breaker_open";
        } catch (BulkheadException e) {
            outcome = "bulkhead_full";
        } catch (Exception e) {
            LOG.warnf("The LLM could not write a search query (%s); searching the message alone", e.getMessage());
        } finally {
            metrics.searchQuery(outcome);
            metrics.stage("search_query", Duration.ofNanos(System.nanoTime() - started));
        }
        return Optional.empty();
    }

    String prompt(String message) {
        return template.replace("{{question}}", message.replaceAll("\\s+", " ").strip());
    }

    /** The reply's first line, unquoted and unlabelled; empty when it is no query or only repeats the message. */
    static Optional<String> queryIn(String reply, String message) {
        if (reply == null) {
            return Optional.empty();
        }
        String line = reply.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        line = line.replaceFirst("(?i)^(clinical |standalone )?(search )?query:\\s*", "");
        if (line.length() >= 2 && line.startsWith("\"") && line.endsWith("\"")) {
            line = line.substring(1, line.length() - 1).strip();
        }
        if (line.isEmpty() || line.length() > MAX_QUERY_CHARS
                || normalized(line).equals(normalized(message))) {
            return Optional.empty();
        }
        return Optional.of(line);
    }

    private static String normalized(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }
}
