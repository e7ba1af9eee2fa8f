package dev.healthrag.answer;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Asks the OpenAI-compatible model configured under quarkus.langchain4j.openai.* for a draft answer, through
 * {@link LlmGuard} (deadline, retry, circuit breaker, bulkhead), and counts each failure by kind.
 */
@ApplicationScoped
public class LlmGenerator {

    private final ChatModel chatModel;
    private final LlmGuard guard;
    private final AnswerMetrics metrics;

    public LlmGenerator(ChatModel chatModel, LlmGuard guard, AnswerMetrics metrics) {
        this.chatModel = chatModel;
        this.guard = guard;
        this.metrics = metrics;
    }

    /**
     * The model's reply to {@code prompt}, within healthrag.llm.deadline.
     *
     * @throws ModelUnavailableException on any failure, timeout, open breaker, full bulkhead or empty reply; the
     *                                   pipeline then answers extractively
     */
    public ModelReply generate(Prompt prompt) {
        ChatResponse response;
        try {
            response = guard.call(() -> attempt(prompt), ChatResponse.class);
        } catch (TimeoutException e) {
            throw failed("timeout", "no answer within " + guard.deadline().toMillis() + " ms", e);
        } catch (CircuitBreakerOpenException e) {
            throw failed("breaker_open", "the circuit breaker is open after repeated failures", e);
        } catch (BulkheadException e) {
            throw failed("bulkhead_full", "too many model calls are running or waiting", e);
        } catch (ModelUnavailableException e) {
            throw e;
        } catch (Exception e) {
            if (clientTimeout(e)) { // the HTTP client's own read timeout (the deadline, as a backstop) came first
                throw failed("timeout", "no answer within " + guard.deadline().toMillis() + " ms", e);
            }
            throw new ModelUnavailableException(ModelHttpException.in(e).map(Throwable::getMessage)
                    .orElse(String.valueOf(e.getMessage())), e);
        }
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            metrics.modelError("empty");
            throw new ModelUnavailableException("the model returned an empty answer", null);
        }
        TokenUsage usage = response.tokenUsage();
        TokenCount tokens = usage == null ? null
                : new TokenCount(usage.inputTokenCount(), usage.outputTokenCount(), usage.totalTokenCount());
        metrics.tokens(tokens);
        return new ModelReply(text, tokens);
    }

    /** One call; an HTTP failure is counted here, per attempt, so that retried ones are seen too. */
    private ChatResponse attempt(Prompt prompt) {
        try {
            return chatModel.chat(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()));
        } catch (RuntimeException e) {
            if (!interrupted(e) && !clientTimeout(e)) { // a timed-out call is counted once, as a timeout
                metrics.modelError(ModelHttpException.in(e).map(LlmGenerator::kind).orElse("other"));
            }
            throw e;
        }
    }

    private static boolean clientTimeout(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static boolean interrupted(Throwable e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    private static String kind(ModelHttpException e) {
        return e.status() == 429 ? "rate_limited" : e.status() >= 500 ? "server_error" : "client_error";
    }

    private ModelUnavailableException failed(String kind, String why, Exception cause) {
        metrics.modelError(kind);
        return new ModelUnavailableException(why, cause);
    }

    /** The model gave no usable answer; the message says why, for the debug output's fallback reason. */
    public static class ModelUnavailableException extends RuntimeException {
        public ModelUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
