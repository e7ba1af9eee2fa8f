package dev.healthrag.cli;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.answer.Answer;
import dev.healthrag.answer.AnswerPipeline;
import dev.healthrag.answer.AnswerRequest;
import dev.healthrag.answer.Citation;
import dev.healthrag.answer.History;
import dev.healthrag.answer.PriorTurn;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.eval.EvalConversation;
import dev.healthrag.eval.RankingMetrics;
import dev.healthrag.retrieval.ArticleFilter;
import dev.healthrag.retrieval.HybridContentRetriever;
import dev.healthrag.retrieval.RetrievalMode;
import dev.healthrag.retrieval.RetrievalRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code eval DIR --conversations FILE}: plays every conversation through the answering pipeline as /api/chat
 * does (each turn sees the earlier turns as the pipeline answered them, at most
 * {@code healthrag.conversation.max-context-turns}), and ranks articles for each turn twice: for the query the
 * pipeline's rewriter made, and for the message as it is. Prints Recall@5 (a relevant article in the top five)
 * and MRR@10 per kind of turn for both, and how many turns the rewriter changed.
 */
@ApplicationScoped
public class ConversationEvaluation {

    /** Chunks ranked per query, as the retrieval eval does: enough for ten distinct articles. */
    private static final int DEPTH = 30;

    private final AnswerPipeline pipeline;
    private final HybridContentRetriever retriever;
    private final Embedder embedder;
    private final int topK;
    private final int maxContextTurns;
    private final String generator;

    public ConversationEvaluation(AnswerPipeline pipeline, HybridContentRetriever retriever, Embedder embedder,
                                  HealthRagConfig config) {
        this.pipeline = pipeline;
        this.retriever = retriever;
        this.embedder = embedder;
        this.topK = config.retrieval().topK();
        this.maxContextTurns = config.conversation().maxContextTurns();
        this.generator = config.llm().isConfigured() ? "llm" : "extractive";
    }

    public String evaluate(List<EvalConversation> conversations) {
        embedder.warmUp();
        Map<String, RankingMetrics> rewritten = new LinkedHashMap<>();
        Map<String, RankingMetrics> verbatim = new LinkedHashMap<>();
        Map<String, int[]> changed = new LinkedHashMap<>();
        for (String kind : List.of("first", "follow_up", "switch")) {
            rewritten.put(kind, new RankingMetrics());
            verbatim.put(kind, new RankingMetrics());
            changed.put(kind, new int[2]);
        }
        for (EvalConversation conversation : conversations) {
            List<PriorTurn> history = new ArrayList<>();
            for (EvalConversation.EvalTurn turn : conversation.turns()) {
                long start = System.nanoTime();
                Answer answer = pipeline.answer(new AnswerRequest(turn.question(), topK, ArticleFilter.NONE, null,
                        History.of(history.subList(Math.max(0, history.size() - maxContextTurns), history.size()))));
                double ms = (System.nanoTime() - start) / 1e6;
                String query = answer.trace().query() == null ? turn.question() : answer.trace().query();
                rewritten.get(turn.kind()).add(rank(query), turn.relevant(), ms);
                verbatim.get(turn.kind()).add(rank(turn.question()), turn.relevant(), 0);
                changed.get(turn.kind())[0]++;
                if (!query.equals(turn.question())) {
                    changed.get(turn.kind())[1]++;
                }
                System.out.printf("  %s %-9s %s%n      -> %s%n", conversation.id(), turn.kind(), turn.question(),
                        query.equals(turn.question()) ? "(as asked)" : query);
                history.add(new PriorTurn(turn.question(), answer.trace().query(), answer.body(),
                        answer.citations().stream().map(Citation::title).toList()));
            }
        }
        StringBuilder table = new StringBuilder();
        table.append("Conversations: ").append(conversations.size()).append(", answers ").append(generator)
                .append(", embedding ").append(embedder.choice().configName()).append("\n\n")
                .append("| turns | n | rewritten by the pipeline | Recall@5 rewritten | Recall@5 as asked "
                        + "| MRR@10 rewritten | MRR@10 as asked |\n|---|---|---|---|---|---|---|\n");
        for (String kind : rewritten.keySet()) {
            RankingMetrics.Summary with = rewritten.get(kind).summary();
            RankingMetrics.Summary without = verbatim.get(kind).summary();
            if (with.questions() == 0) {
                continue;
            }
            table.append(String.format("| %s | %d | %d | %.3f | %.3f | %.3f | %.3f |%n", kind, with.questions(),
                    changed.get(kind)[1], with.recallAt5(), without.recallAt5(), with.mrrAt10(), without.mrrAt10()));
        }
        return table.toString();
    }

    private List<String> rank(String query) {
        return RankingMetrics.rankedArticles(retriever.retrieve(new RetrievalRequest(query, RetrievalMode.HYBRID,
                DEPTH)));
    }
}
