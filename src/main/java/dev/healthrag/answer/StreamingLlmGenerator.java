package dev.healthrag.answer;

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
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.smallrye.mutiny.subscription.UniEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Streams the OpenAI-compatible model's draft (the {@link StreamingChatModel} quarkus-langchain4j builds from
 * quarkus.langchain4j.openai.*) as text deltas, through {@link LlmGuard#callAsync}: the same retry, circuit
 * breaker and bulkhead as blocking answers, within healthrag.stream.model-deadline. A stream counts in the
 * bulkhead for as long as it runs, its failures count in the breaker, and while the breaker is open it fails at
 * once without calling the model. A 429 or 5xx is retried only before the first delta: after it, the reader has
 * text a second call would not continue.
 * <p>
 * Stopping: a subscriber that cancels (a client that went away), and the deadline, stop the model call.
 * quarkus-langchain4j 1.10's OpenAI client hands the handler a no-op {@code StreamingHandle} and LangChain4j drops
 * the handle that could cancel the HTTP call, so the handler stops it the one way left: it throws {@link Stopped}
 * out of the next delta, which makes the REST client's subscription cancel and close the connection to the
 * model. A model that sends nothing at all after that is cut off by the client's read timeout instead.
 */
@ApplicationScoped
public class StreamingLlmGenerator {

    private final StreamingChatModel model;
    private final LlmGuard guard;
    private final AnswerMetrics metrics;
    private final Counter deltas;
    private final Counter stopped;

    public StreamingLlmGenerator(StreamingChatModel model, MeterRegistry registry, LlmGuard guard,
                                 AnswerMetrics metrics) {
        this.model = model;
        this.guard = guard;
        this.metrics = metrics;
        this.deltas = Counter.builder("healthrag.llm.stream.deltas")
                .description("Text deltas received from the model's streamed answers").register(registry);
        this.stopped = Counter.builder("healthrag.llm.stream.stopped")
                .description("Streamed model calls cut off because their reader went away or the deadline passed")
                .register(registry);
    }

    /**
     * The model's answer to {@code prompt}, as the text deltas it streams, in order. Completes when the model has
     * finished its answer; fails when the call fails (an HTTP error, a stream that ends without the model saying
     * it finished, an empty answer), the deadline passes ({@link TimeoutException}), the breaker is open or the
     * bulkhead full. Nothing is sent to the model until subscription.
     *
     * @param prompt  the messages to send; not null
     * @param onUsage given the tokens the model reported (null when it reported none) once it has finished,
     *                before the stream completes
     */
    public Multi<String> stream(Prompt prompt, Consumer<TokenCount> onUsage) {
        if (prompt == null) {
            throw new IllegalArgumentException("a streamed draft needs a prompt");
        }
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user())).build();
        return Multi.createFrom().emitter(emitter -> {
            AtomicBoolean anyDelta = new AtomicBoolean();
            Cancellable call = guard.callAsync(() -> attempt(request, emitter, anyDelta, onUsage))
                    .subscribe().with(done -> emitter.complete(), failure -> {
                        count(failure);
                        emitter.fail(failure);
                    });
            emitter.onTermination(call::cancel);
        });
    }

    /** One model call, its deltas sent to {@code out}; the {@code Uni} completes when the model has finished. */
    private Uni<Void> attempt(ChatRequest request, MultiEmitter<? super String> out, AtomicBoolean anyDelta,
                              Consumer<TokenCount> onUsage) {
        return Uni.createFrom().emitter(done -> {
            AtomicBoolean over = new AtomicBoolean();
            done.onTermination(() -> over.set(true));
            model.chat(request, new Handler(out, done, over, anyDelta, onUsage));
        });
    }

    private void count(Throwable failure) {
        if (failure instanceof TimeoutException) {
            metrics.modelError("timeout");
        } else if (failure instanceof CircuitBreakerOpenException) {
            metrics.modelError("breaker_open");
        } else if (failure instanceof BulkheadException) {
            metrics.modelError("bulkhead_full");
        }
    }

    private final class Handler implements StreamingChatResponseHandler {

        private final MultiEmitter<? super String> out;
        private final UniEmitter<? super Void> done;
        private final AtomicBoolean over;
        private final AtomicBoolean anyDelta;
        private final Consumer<TokenCount> onUsage;
        private final StringBuilder text = new StringBuilder();

        Handler(MultiEmitter<? super String> out, UniEmitter<? super Void> done, AtomicBoolean over,
                AtomicBoolean anyDelta, Consumer<TokenCount> onUsage) {
            this.out = out;
            this.done = done;
            this.over = over;
            this.anyDelta = anyDelta;
            this.onUsage = onUsage;
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            if (over.get() || out.isCancelled()) {
                stopped.increment();
                context.streamingHandle().cancel();
                throw Stopped.INSTANCE;
            }
            deltas.increment();
            anyDelta.set(true);
            text.append(partial.text());
            out.emit(partial.text());
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            if (response.finishReason() == null) {
                fail(new IllegalStateException("the model's stream ended before the model finished"));
            } else if (text.isEmpty() || text.toString().isBlank()) {
                fail(new IllegalStateException("the model returned an empty answer"));
            } else {
                TokenUsage usage = response.tokenUsage();
                TokenCount tokens = usage == null ? null
                        : new TokenCount(usage.inputTokenCount(), usage.outputTokenCount(), usage.totalTokenCount());
                metrics.tokens(tokens);
                onUsage.accept(tokens);
                done.complete(null);
            }
        }

        @Override
        public void onError(Throwable error) {
            fail(error);
        }

        /**
         * After the first delta a failure is never retried: it becomes one {@link LlmGuard} does not retry (without
         * the HTTP failure as its cause, which the guard would find and retry).
         */
        private void fail(Throwable failure) {
            done.fail(anyDelta.get() && LlmGuard.retryable(failure)
                    ? new IllegalStateException("the model's stream broke off: " + failure.getMessage())
                    : failure);
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
