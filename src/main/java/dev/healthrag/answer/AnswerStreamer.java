package dev.healthrag.answer;

import dev.healthrag.retrieval.RetrievedChunk;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * A prepared answer as a stream of {@link AnswerEvent}s, on the pipeline's seams: the sources, then the model's
 * deltas as it streams them (or, for an extractive, no-answer or emergency answer, its text in a few pieces),
 * then the answer {@link AnswerPipeline#complete} makes of them. A model that fails or runs out of time adds a
 * {@link AnswerEvent.Failed} and the answer falls back as it does on the blocking path.
 * <p>
 * Threads: extraction and verification (CPU work) run on the worker pool, the model stream on the HTTP client's
 * event loop, and nothing waits on the subscriber, so a slow reader holds no thread. Cancelling the subscription
 * stops the model call, and no verification starts after it.
 */
@ApplicationScoped
public class AnswerStreamer {

    private static final Logger LOG = Logger.getLogger(AnswerStreamer.class);

    private final AnswerPipeline pipeline;
    private final AnswerAssembler assembler;

    public AnswerStreamer(AnswerPipeline pipeline, AnswerAssembler assembler) {
        this.pipeline = pipeline;
        this.assembler = assembler;
    }

    /**
     * The events of {@code prepared}'s answer: {@link AnswerEvent.Sources}, {@link AnswerEvent.Token}s, at most one
     * {@link AnswerEvent.Failed}, then exactly one {@link AnswerEvent.Done}. Nothing runs until subscription.
     *
     * @param prepared the result of {@link AnswerPipeline#prepare}; not null
     */
    public Multi<AnswerEvent> stream(PreparedAnswer prepared) {
        if (prepared == null) {
            throw new IllegalArgumentException("a streamed answer needs a prepared answer");
        }
        Multi<AnswerEvent> sources = Multi.createFrom().item(sources(prepared.sources()));
        Multi<AnswerEvent> rest;
        if (prepared.isSettled()) {
            rest = whole(prepared.settled());
        } else if (prepared.prompt() == null) {
            rest = onWorker(() -> pipeline.complete(prepared, pipeline.generate(prepared)))
                    .onItem().transformToMulti(AnswerStreamer::whole)
                    .onFailure().recoverWithMulti(e -> broken(prepared, e));
        } else {
            rest = fromModel(prepared);
        }
        return Multi.createBy().concatenating().streams(sources, rest);
    }

    private Multi<AnswerEvent> fromModel(PreparedAnswer prepared) {
        return Multi.createFrom().deferred(() -> {
            StringBuilder raw = new StringBuilder();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicReference<TokenCount> usage = new AtomicReference<>();
            Multi<AnswerEvent> tokens = pipeline.generateStreaming(prepared, usage::set)
                    .onItem().transform(delta -> {
                        raw.append(delta);
                        return (AnswerEvent) new AnswerEvent.Token(delta);
                    })
                    .onFailure().recoverWithMulti(e -> {
                        failure.set(e);
                        LOG.warnf("The streamed LLM answer failed (%s); answering extractively", e.getMessage());
                        return Multi.createFrom().item(new AnswerEvent.Failed(e instanceof TimeoutException
                                ? "The model did not finish its answer in time. Replace the streamed text with "
                                        + "the answer in the done event, which is drawn from the articles."
                                : "The model's answer broke off. Replace the streamed text with the answer in the "
                                        + "done event, which is drawn from the articles."));
                    });
            // Deferred: verification starts only once the model has finished, and never if the reader has gone.
            Multi<AnswerEvent> done = Multi.createFrom().deferred(() -> {
                Draft draft = failure.get() == null ? Draft.fromModel(new ModelReply(raw.toString(), usage.get()))
                        : Draft.modelFailed("the model failed: " + failure.get().getMessage());
                return onWorker(() -> pipeline.complete(prepared, draft))
                        .onItem().transform(answer -> (AnswerEvent) new AnswerEvent.Done(answer)).toMulti()
                        .onFailure().recoverWithMulti(e -> broken(prepared, e));
            });
            return Multi.createBy().concatenating().streams(tokens, done);
        });
    }

    /** A settled or extractive answer: its text as a few tokens (one per line), then the answer itself. */
    private static Multi<AnswerEvent> whole(Answer answer) {
        List<AnswerEvent> events = new ArrayList<>();
        String text = answer.emergency()
                ? answer.emergencyNotice() + (answer.body().isEmpty() ? "" : "\n\n" + answer.body())
                : answer.body();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            events.add(new AnswerEvent.Token(text.substring(start, end)));
            start = end;
        }
        events.add(new AnswerEvent.Done(answer));
        return Multi.createFrom().iterable(events);
    }

    /** Completion itself failed (a bug or an outage mid-answer): say so, and end with the no-answer text. */
    private Multi<AnswerEvent> broken(PreparedAnswer prepared, Throwable e) {
        LOG.errorf(e, "A streamed answer could not be completed");
        return Multi.createFrom().items(
                new AnswerEvent.Failed("The answer could not be completed. Replace the streamed text with the "
                        + "answer in the done event."),
                new AnswerEvent.Done(assembler.noAnswer(prepared.triage(), AnswerTrace.NONE)));
    }

    private static AnswerEvent.Sources sources(List<RetrievedChunk> chunks) {
        return new AnswerEvent.Sources(IntStream.range(0, chunks.size())
                .mapToObj(i -> AnswerAssembler.citation(i + 1, chunks.get(i))).toList());
    }

    private static <T> Uni<T> onWorker(Supplier<T> step) {
        return Uni.createFrom().item(step).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
