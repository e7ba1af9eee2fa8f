package dev.healthrag.embedding;

import dev.healthrag.HealthRagConfig;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place text becomes vectors, so queries and passages are always treated as the model expects
 * (query instruction on queries only). Every {@link #embedQuery} runs the model: nothing is cached here. A step
 * that needs the vector an earlier step of the same request computed gets it handed over as an
 * {@link EmbeddedQuery} (triage's vector reaches retrieval that way), so a process-wide cache cannot make a
 * benchmark that repeats its questions measure searches without their embedding.
 */
@ApplicationScoped
public class Embedder {

    private final EmbeddingModelChoice choice;
    private final int threadsPerInference;
    private final Counter queriesEmbedded;
    private volatile EmbeddingModel model;

    /** Counts the queries it embeds on {@code healthrag.embedding.queries} in {@code registry} (/q/metrics). */
    @Inject
    public Embedder(HealthRagConfig config, MeterRegistry registry) {
        this.queriesEmbedded = Counter.builder("healthrag.embedding.queries")
                .description("Message and query vectors computed for requests (a long message's statements aside)").register(registry);
        this.choice = EmbeddingModelChoice.byName(config.embedding().model());
        this.threadsPerInference = config.embedding().threadsPerInference();
    }

    /** An embedder whose count only {@link #queriesEmbedded()} tells, for tools that wire it by hand. */
    public Embedder(HealthRagConfig config) {
        this(config, new SimpleMeterRegistry());
    }

    public EmbeddingModelChoice choice() {
        return choice;
    }

    /** The query's vector, from the model (with the model's query instruction); each call runs the model. */
    public float[] embedQuery(String query) {
        queriesEmbedded.increment();
        return model().embed(choice.queryInstruction() + query).content().vector();
    }

    /** {@link #embedQuery}, kept with its text so a later step can reuse it for the same text. */
    public EmbeddedQuery embed(String query) {
        return new EmbeddedQuery(query, embedQuery(query));
    }

    /**
     * The message's vector ({@link #embed}, counted like it) and its parts' vectors, in one batch spread over the
     * cores: with one thread per inference, parts embedded after the message would wait for it on an idle core.
     */
    public MessageVectors embedBeside(String message, List<String> parts) {
        if (parts.isEmpty()) {
            return new MessageVectors(embed(message), List.of());
        }
        queriesEmbedded.increment();
        List<String> all = new ArrayList<>(parts.size() + 1);
        all.add(message);
        all.addAll(parts);
        List<float[]> vectors = embedQueries(all);
        return new MessageVectors(new EmbeddedQuery(message, vectors.get(0)), vectors.subList(1, vectors.size()));
    }

    /** A message's vector and its parts' vectors, one per part in the order given. */
    public record MessageVectors(EmbeddedQuery message, List<float[]> parts) {
    }

    /** How many message vectors ({@link #embedQuery}, {@link #embedBeside}) the model has computed since start. */
    public long queriesEmbedded() {
        return (long) queriesEmbedded.count();
    }

    /** Many queries at once (spread over the cores like passages), for fixed sets such as exemplars; not counted. */
    public List<float[]> embedQueries(List<String> queries) {
        return embedPassages(queries.stream().map(query -> choice.queryInstruction() + query).toList());
    }

    public List<float[]> embedPassages(List<String> passages) {
        List<TextSegment> segments = passages.stream().map(TextSegment::from).toList();
        return model().embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    /** Loads the ONNX model now rather than on the first request. */
    public void warmUp() {
        model().embed(choice.queryInstruction() + "warm up");
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = choice.create(threadsPerInference);
                }
                loaded = model;
            }
        }
        return loaded;
    }
}
