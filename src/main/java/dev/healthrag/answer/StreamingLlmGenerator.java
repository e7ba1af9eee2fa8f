package dev.healthrag.answer;

import dev.healthrag.HealthRagConfig;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Streams the OpenAI-compatible model's draft (the {@link StreamingChatModel} quarkus-langchain4j builds from
 * quarkus.langchain4j.openai.*) as text deltas. The one place the model is streamed, so that timeouts, retries
 * and breakers for the stream can be put around it.
 * <p>
 * While the model's circuit breaker ({@link LlmGuard}) is open, a stream fails at once without calling the model.
 * <p>
 * Stopping: a subscriber that cancels (a client that went away), and the deadline
 * (healthrag.stream.model-deadline), stop the model call. quarkus-langchain4j 1.10's OpenAI client hands the
 * handler a no-op {@code StreamingHandle} and LangChain4j drops the handle that could cancel the HTTP call, so the
 * handler stops it the one way left: it throws {@link Stopped} out of the next delta, which makes the REST client's
 * subscription cancel and close the connection to the model. A model that sends nothing at all after that is cut
 * off by the client's read timeout (quarkus.langchain4j.openai.timeout) instead.
 */
@ApplicationScoped
public class StreamingLlmGenerator {

    private final StreamingChatModel model;
    private final LlmGuard guard;
    private final AnswerMetrics metrics;
    private final Duration deadline;
    private final Counter deltas;
    private final Counter stopped;

    public StreamingLlmGenerator(StreamingChatModel model, HealthRagConfig config, MeterRegistry registry,
                                 LlmGuard guard, AnswerMetrics metrics) {
        this.model = model;
        this.guard = guard;
        this.metrics = metrics;
        this.deadline = config.stream().modelDeadline();
        this.deltas = Counter.builder("healthrag.llm.stream.deltas")
                .description("Text deltas received from the model's streamed answers").register(registry);
        this.stopped = Counter.builder("healthrag.llm.stream.stopped")
                .description("Streamed model calls cut off because their reader went away or the deadline passed")
                .register(registry);
    }

    /**
     * The model's answer to {@code prompt}, as the text deltas it streams, in order. Completes when the model has
     * finished its answer; fails when the call fails (an HTTP error, a stream that ends without the model saying
     * it finished, an empty answer) or the deadline passes. Nothing is sent to the model until subscription.
     *
     * @param prompt  the messages to send; not null
     * @param onUsage given the tokens the model reported (null when it reported none) once it has finished,
     *                before the stream completes
     */
    public Multi<String> stream(Prompt prompt, Consumer<TokenCount> onUsage) {
        if (prompt == null) {
            throw new IllegalArgumentException("a streamed draft needs a prompt");
        }
        if (guard.breakerState() == CircuitBreakerState.OPEN) {
            // The blocking calls found the model failing: a stream would only wait for the same failure.
            // Streams do not feed the breaker themselves (their failures are not counted in it).
            metrics.modelError("breaker_open");
            return Multi.createFrom().failure(new CircuitBreakerOpenException(
                    "the model's circuit breaker is open; answering without it"));
        }
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user())).build();
        return Multi.createFrom().emitter(emitter -> {
            AtomicBoolean over = new AtomicBoolean();
            ScheduledFuture<?> timer = Infrastructure.getDefaultWorkerPool().schedule(
                    () -> emitter.fail(new TimeoutException("the model did not finish within " + deadline)),
                    deadline.toMillis(), TimeUnit.MILLISECONDS);
            emitter.onTermination(() -> {
                over.set(true);
                timer.cancel(false);
            });
            model.chat(request, new Handler(emitter, over, onUsage));
        });
    }

    private final class Handler implements StreamingChatResponseHandler {

        private final MultiEmitter<? super String> emitter;
        private final AtomicBoolean over;
        private final Consumer<TokenCount> onUsage;
        private final StringBuilder text = new StringBuilder();

        Handler(MultiEmitter<? super String> emitter, AtomicBoolean over, Consumer<TokenCount> onUsage) {
            this.emitter = emitter;
            this.over = over;
            this.onUsage = onUsage;
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            if (over.get()) {
                stopped.increment();
                context.streamingHandle().cancel();
                throw Stopped.INSTANCE;
            }
            deltas.increment();
            text.append(partial.text());
            emitter.emit(partial.text());
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            if (response.finishReason() == null) {
                emitter.fail(new IllegalStateException("the model's stream ended before the model finished"));
            } else if (text.isEmpty() || text.toString().isBlank()) {
                emitter.fail(new IllegalStateException("the model returned an empty answer"));
            } else {
                TokenUsage usage = response.tokenUsage();
                TokenCount tokens = usage == null ? null
                        : new TokenCount(usage.inputTokenCount(), usage.outputTokenCount(), usage.totalTokenCount());
                metrics.tokens(tokens);
                onUsage.accept(tokens);
                emitter.complete();
            }
        }

        @Override
        public void onError(Throwable error) {
            emitter.fail(error);
        }
    }

    /**
     * Thrown out of the model's delta callback to cut the call off. An Error, not an Exception, because LangChain4j
     * catches every Exception a handler throws and carries on; Mutiny's subscriber then cancels the HTTP stream
     * and logs it as a dropped exception, so it says what happened and carries no stack.
     */
    static final class Stopped extends Error {
        static final Stopped INSTANCE = new Stopped();

        private Stopped() {
            super("healthrag stopped a streamed model call: its reader went away or its deadline passed", null,
                    false, false);
        }
    }
}
