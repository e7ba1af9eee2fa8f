package dev.healthrag.answer;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.embedding.Vectors;
import dev.healthrag.retrieval.HybridContentRetriever;
import dev.healthrag.retrieval.NeighbourExpander;
import dev.healthrag.retrieval.Retrieval;
import dev.healthrag.retrieval.RetrievalMode;
import dev.healthrag.retrieval.RetrievalRequest;
import dev.healthrag.retrieval.RetrievedChunk;
import dev.healthrag.store.SearchFilter;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * The one answering path every channel shares: retrieve, refuse when nothing is relevant, ask the
 * model when one is configured, fall back to extractive answering when it fails, then let code (never
 * the model) add the emergency pointer and the disclaimer.
 */
@ApplicationScoped
public class AnswerService {

    static final String NO_ANSWER_TEXT = "The articles I have do not cover this question, so I cannot answer it "
            + "reliably. Please ask a doctor, pharmacist or other qualified health professional.";

    private static final Logger LOG = Logger.getLogger(AnswerService.class);

    private final HybridContentRetriever retriever;
    private final NeighbourExpander expander;
    private final boolean expandNeighbours;
    private final LlmAnswerer llm;
    private final SafetyPolicy safety;
    private final Embedder embedder;
    private final boolean llmConfigured;
    private final double minSimilarity;

    public AnswerService(HybridContentRetriever retriever, NeighbourExpander expander, LlmAnswerer llm,
                         SafetyPolicy safety, Embedder embedder, HealthRagConfig config) {
        this.retriever = retriever;
        this.expander = expander;
        this.expandNeighbours = config.retrieval().expandNeighbours();
        this.embedder = embedder;
        this.llm = llm;
        this.safety = safety;
        this.llmConfigured = config.llm().isConfigured();
        this.minSimilarity = config.retrieval().minSimilarity().orElse(embedder.choice().minSimilarity());
    }

    public Answer answer(String question, int topK, SearchFilter filter) {
        boolean emergency = safety.isEmergency(question);
        Retrieval retrieval = retriever.retrieveExplained(
                new RetrievalRequest(question, RetrievalMode.HYBRID, topK, filter));
        List<RetrievedChunk> retrieved = retrieval.chunks();
        List<RetrievedChunk> relevant = retrieved.stream().filter(chunk -> chunk.similarity() >= minSimilarity).toList();
        if (relevant.isEmpty()) {
            return finish(NO_ANSWER_TEXT, List.of(), AnswerMode.NO_ANSWER, emergency, retrieved, null);
        }
        if (expandNeighbours) {
            relevant = expander.expand(relevant);
        }
        Prompt prompt = null;
        if (llmConfigured) {
            prompt = PromptBuilder.build(question, relevant);
            try {
                String generated = llm.generate(prompt);
                CitationMapper.Cited cited = CitationMapper.map(generated, relevant);
                if (!cited.citations().isEmpty()) {
                    return finish(cited.text(), cited.citations(), AnswerMode.LLM, emergency, retrieved, prompt);
                }
                if (generated.contains(PromptBuilder.NOT_COVERED)) {
                    return finish(NO_ANSWER_TEXT, List.of(), AnswerMode.NO_ANSWER, emergency, retrieved, prompt);
                }
                // An unsourced health answer is worse than a plain extract: do not pass it on.
                LOG.warn("The model's answer cited no source; answering extractively instead");
            } catch (RuntimeException e) {
                LOG.warnf("The LLM failed (%s); answering extractively", e.getMessage());
            }
        }
        CitationMapper.Cited cited = CitationMapper.map(
                ExtractiveAnswerer.answer(question, relevant,
                        (asked, sentences) -> sentenceSimilarity(retrieval.queryVector(), sentences)), relevant);
        return finish(cited.text(), cited.citations(), AnswerMode.EXTRACTIVE, emergency, retrieved, prompt);
    }

    /** Cosine similarity of each sentence to the query as retrieval embedded it (corrections and clinical terms included). */
    private double[] sentenceSimilarity(float[] query, List<String> sentences) {
        List<float[]> vectors = embedder.embedPassages(sentences);
        double[] similarity = new double[vectors.size()];
        for (int i = 0; i < similarity.length; i++) {
            similarity[i] = Vectors.cosine(query, vectors.get(i));
        }
        return similarity;
    }

    private Answer finish(String body, List<Citation> citations, AnswerMode mode, boolean emergency,
                          List<RetrievedChunk> retrieved, Prompt prompt) {
        return new Answer(safety.finish(body, emergency), citations, mode, safety.disclaimer(), emergency, retrieved,
                prompt);
    }
}
