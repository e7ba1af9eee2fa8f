package dev.healthrag.answer;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.answer.extractive.ExtractiveGenerator;
import dev.healthrag.answer.triage.EmergencyTriage;
import dev.healthrag.answer.triage.TriageDecision;
import dev.healthrag.answer.verify.DraftSplitter;
import dev.healthrag.answer.verify.GroundedSentence;
import dev.healthrag.answer.verify.GroundingVerifier;
import dev.healthrag.answer.verify.LinkPolicy;
import dev.healthrag.retrieval.AskedSection;
import dev.healthrag.retrieval.HybridContentRetriever;
import dev.healthrag.retrieval.Retrieval;
import dev.healthrag.retrieval.RetrievalMode;
import dev.healthrag.retrieval.RetrievalRequest;
import dev.healthrag.retrieval.RetrievedChunk;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The one answering path every channel shares, as three seams a stream can use apart:
 * {@link #prepare} (triage, query rewriting, retrieval, relevance gate, the asked-for section, prompt),
 * {@link #generate} (the model, or an extractive draft) and {@link #complete} (verification, fallback, assembly).
 * Each step is an injected bean; this class only composes them. Every answer is recorded as a turn of its
 * conversation exactly once: by {@code complete}, or by {@code prepare} when it settles the answer itself.
 */
@ApplicationScoped
public class AnswerPipeline {

    private static final Logger LOG = Logger.getLogger(AnswerPipeline.class);

    private final EmergencyTriage triage;
    private final QueryRewriter rewriter;
    private final HybridContentRetriever retriever;
    private final RelevanceGate gate;
    private final AskedSection askedSection;
    private final PromptTemplates prompts;
    private final LlmGenerator llm;
    private final StreamingLlmGenerator streamingLlm;
    private final ExtractiveGenerator extractive;
    private final GroundingVerifier verifier;
    private final AnswerAssembler assembler;
    private final AnswerMetrics metrics;
    private final TurnRecorder turns;
    private final boolean llmConfigured;

    public AnswerPipeline(EmergencyTriage triage, QueryRewriter rewriter, HybridContentRetriever retriever,
                          RelevanceGate gate, PromptTemplates prompts, LlmGenerator llm, ExtractiveGenerator extractive,
                          GroundingVerifier verifier, AnswerAssembler assembler, AnswerMetrics metrics,
                          TurnRecorder turns, HealthRagConfig config, StreamingLlmGenerator streamingLlm,
                          AskedSection askedSection) {
        this.triage = triage;
        this.rewriter = rewriter;
        this.retriever = retriever;
        this.gate = gate;
        this.askedSection = askedSection;
        this.prompts = prompts;
        this.llm = llm;
        this.streamingLlm = streamingLlm;
        this.extractive = extractive;
        this.verifier = verifier;
        this.assembler = assembler;
        this.metrics = metrics;
        this.turns = turns;
        this.llmConfigured = config.llm().isConfigured();
    }

    public Answer answer(AnswerRequest request) {
        PreparedAnswer prepared = prepare(request);
        return prepared.isSettled() ? prepared.settled() : complete(prepared, generate(prepared));
    }

    /** Everything up to the prompt; settled at once for an emergency or when nothing relevant was found. */
    public PreparedAnswer prepare(AnswerRequest request) {
        long started = System.nanoTime();
        TriageDecision decision = triage.assess(request.question());
        Duration triageTime = Duration.ofNanos(System.nanoTime() - started);
        metrics.stage("triage", triageTime);
        metrics.triaged(decision);
        StageTimings timings = new StageTimings(triageTime, null, null, null, null);
        if (decision.emergency()) {
            return settled(request, decision, null, null, timings, assembler.emergency(decision));
        }
        String query = rewriter.rewrite(request);
        RetrievalRequest retrievalRequest = new RetrievalRequest(query, RetrievalMode.HYBRID, request.topK(),
                request.filter()).reusing(decision.message());
        // A follow-up's query is already a rewrite that names its topic.
        Retrieval retrieval = retriever.retrieveExplained(request.isFollowUp()
                ? retrievalRequest.withoutAlternative() : retrievalRequest);
        metrics.stage("embed", retrieval.embedTime());
        metrics.stage("search", retrieval.searchTime());
        timings = new StageTimings(triageTime, retrieval.embedTime(), retrieval.searchTime(), null, null);
        List<RetrievedChunk> sources = askedSection.complete(query, gate.admit(retrieval),
                retrieval.queryVector());
        if (sources.isEmpty()) {
            return settled(request, decision, query, retrieval, timings, assembler.noAnswer(decision,
                    new AnswerTrace(query, retrieval.alternativeQuery(), retrieval.chunks(), null, null, null, timings,
                            null)));
        }
        // A follow-up is answered as its standalone query: "and how long does it last?" names nothing to answer about.
        Prompt prompt = llmConfigured ? prompts.build(request.isFollowUp() ? query : request.question(), sources) : null;
        return new PreparedAnswer(request, decision, query, retrieval, sources, prompt, null, timings);
    }

    /** The model's draft when one is configured (a failure is returned, not thrown), else an extractive one. */
    public Draft generate(PreparedAnswer prepared) {
        long started = System.nanoTime();
        Draft draft = draft(prepared);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        metrics.stage("generate", took);
        return draft.took(took);
    }

    private Draft draft(PreparedAnswer prepared) {
        if (prepared.prompt() == null) {
            return extractiveDraft(prepared);
        }
        try {
            return Draft.fromModel(llm.generate(prepared.prompt()));
        } catch (RuntimeException e) {
            LOG.warnf("The LLM failed (%s); answering extractively", e.getMessage());
            return Draft.modelFailed("the model failed: " + e.getMessage());
        }
    }

    /**
     * {@link #generate}'s model call as a stream of the model's text deltas, for a prepared answer that has a
     * prompt; failures arrive as the stream's failure. Joined, the deltas are {@code Draft.fromModel}'s text;
     * {@code onUsage} is given the tokens the model reported (null if none) before the stream completes.
     */
    public Multi<String> generateStreaming(PreparedAnswer prepared, Consumer<TokenCount> onUsage) {
        if (prepared.prompt() == null) {
            throw new IllegalArgumentException("only an answer with a prompt is streamed from the model");
        }
        return metrics.streamedGeneration(streamingLlm.stream(prepared.prompt(), onUsage));
    }

    /**
     * Verifies the draft against the sources and assembles the answer, falling back to extractive as needed,
     * and records it as a turn of the request's conversation.
     */
    public Answer complete(PreparedAnswer prepared, Draft draft) {
        long started = System.nanoTime();
        Answer answer = verifyAndAssemble(prepared, draft);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        metrics.stage("verify", took);
        metrics.answered(answer);
        Answer timed = answer.withTrace(answer.trace().withTimings(prepared.timings().withGenerate(draft.took())
                .withVerify(took)));
        turns.record(prepared.request(), prepared.query(), timed);
        return timed;
    }

    private Answer verifyAndAssemble(PreparedAnswer prepared, Draft draft) {
        String raw = draft.mode() == AnswerMode.LLM ? draft.text() : null;
        if (draft.mode() == AnswerMode.EXTRACTIVE) {
            return extractiveAnswer(prepared, draft, raw, null);
        }
        if (draft.failed()) {
            return extractiveAnswer(prepared, extractiveDraft(prepared).withTokens(draft.tokens()), null,
                    draft.failure());
        }
        String text = draft.text();
        boolean notCovered = text.contains(PromptTemplates.NOT_COVERED);
        text = text.replace(PromptTemplates.NOT_COVERED, "").strip();
        if (notCovered && text.isEmpty()) {
            return assembler.noAnswer(prepared.triage(), trace(prepared, draft, raw, null));
        }
        Set<String> sourceUrls = prepared.sources().stream().map(RetrievedChunk::url)
                .filter(url -> url != null && !url.isBlank()).collect(Collectors.toSet());
        List<GroundedSentence> checked = verifier.verify(DraftSplitter.split(LinkPolicy.sanitize(text, sourceUrls)),
                prepared.sources());
        metrics.verified(checked);
        if (checked.stream().anyMatch(GroundedSentence::supported)) {
            return assembler.assemble(AnswerMode.LLM, checked, prepared.sources(), prepared.triage(),
                    trace(prepared, draft, raw, null));
        }
        return extractiveAnswer(prepared, extractiveDraft(prepared).withTokens(draft.tokens()), raw,
                "no sentence of the model's answer is supported by the sources it was given");
    }

    private Answer extractiveAnswer(PreparedAnswer prepared, Draft draft, String raw, String fallbackReason) {
        List<GroundedSentence> checked = verifier.verify(DraftSplitter.split(draft.text()), prepared.sources());
        if (checked.stream().noneMatch(GroundedSentence::supported)) {
            return assembler.noAnswer(prepared.triage(), trace(prepared, draft, raw, fallbackReason));
        }
        return assembler.assemble(AnswerMode.EXTRACTIVE, checked, prepared.sources(), prepared.triage(),
                trace(prepared, draft, raw, fallbackReason));
    }

    private Draft extractiveDraft(PreparedAnswer prepared) {
        return Draft.extractive(extractive.draft(prepared.request().question(), prepared.retrieval().queryVector(),
                prepared.sources()));
    }

    private static AnswerTrace trace(PreparedAnswer prepared, Draft draft, String raw, String fallbackReason) {
        return new AnswerTrace(prepared.query(),
                prepared.retrieval() == null ? null : prepared.retrieval().alternativeQuery(), prepared.retrieved(),
                prepared.prompt(), raw, fallbackReason, prepared.timings(), draft.tokens());
    }

    private PreparedAnswer settled(AnswerRequest request, TriageDecision decision, String query,
                                   Retrieval retrieval, StageTimings timings, Answer answer) {
        metrics.answered(answer);
        Answer timed = answer.withTrace(answer.trace().withTimings(timings));
        turns.record(request, query, timed);
        return new PreparedAnswer(request, decision, query, retrieval, List.of(), null, timed, timings);
    }
}
