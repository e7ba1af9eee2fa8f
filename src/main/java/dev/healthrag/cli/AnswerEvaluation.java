package dev.healthrag.cli;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.answer.Answer;
import dev.healthrag.answer.AnswerPipeline;
import dev.healthrag.answer.AnswerRequest;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.eval.AnswerEvalReport;
import dev.healthrag.eval.AnswerQuality;
import dev.healthrag.eval.EvalQuestion;
import dev.healthrag.retrieval.ArticleFilter;
import dev.healthrag.store.ArticleStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer half of {@code eval DIR --answers}: asks every question through the whole answering pipeline, as
 * /api/chat does with its default top-k and no filter, and judges each answer ({@link AnswerQuality}).
 */
@ApplicationScoped
public class AnswerEvaluation {

    /** Answers asked once untimed first, so the first questions do not pay for class loading and JIT. */
    private static final int WARM_UP = 10;

    private final AnswerPipeline pipeline;
    private final Embedder embedder;
    private final ArticleStore store;
    private final int topK;
    private final String generator;

    public AnswerEvaluation(AnswerPipeline pipeline, Embedder embedder, ArticleStore store, HealthRagConfig config) {
        this.pipeline = pipeline;
        this.embedder = embedder;
        this.store = store;
        this.topK = config.retrieval().topK();
        this.generator = config.llm().isConfigured() ? "llm" : "extractive";
    }

    public AnswerEvalReport evaluate(String dataset, String questionSet, List<EvalQuestion> questions) {
        embedder.warmUp();
        questions.stream().limit(WARM_UP).forEach(question -> ask(question.question()));
        Map<String, AnswerQuality> byMode = new LinkedHashMap<>();
        AnswerQuality all = new AnswerQuality();
        List<AnswerQuality.Outcome> outcomes = new ArrayList<>();
        for (EvalQuestion question : questions) {
            long start = System.nanoTime();
            Answer answer = ask(question.question());
            double ms = (System.nanoTime() - start) / 1e6;
            AnswerQuality.Outcome outcome = AnswerQuality.Outcome.of(question, answer, ms);
            outcomes.add(outcome);
            all.add(outcome);
            byMode.computeIfAbsent(outcome.mode(), mode -> new AnswerQuality()).add(outcome);
        }
        Map<String, AnswerQuality.Summary> modes = new LinkedHashMap<>();
        modes.put("all", all.summary());
        byMode.forEach((mode, quality) -> modes.put(mode, quality.summary()));
        var counts = store.counts();
        return new AnswerEvalReport(dataset, questionSet, embedder.choice().configName(), generator, topK,
                (int) counts.articles(), counts.chunks(), modes, outcomes);
    }

    private Answer ask(String question) {
        return pipeline.answer(new AnswerRequest(question, topK, ArticleFilter.NONE));
    }
}
