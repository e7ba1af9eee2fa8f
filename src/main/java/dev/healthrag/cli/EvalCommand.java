package dev.healthrag.cli;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.eval.AnswerEvalReport;
import dev.healthrag.eval.EvalConversation;
import dev.healthrag.eval.EvalQuestion;
import dev.healthrag.eval.EvalReport;
import dev.healthrag.eval.RankingMetrics;
import dev.healthrag.ingest.IngestOptions;
import dev.healthrag.ingest.IngestReport;
import dev.healthrag.ingest.Ingestor;
import dev.healthrag.retrieval.HybridContentRetriever;
import dev.healthrag.retrieval.RetrievalMode;
import dev.healthrag.retrieval.RetrievalRequest;
import dev.healthrag.retrieval.RetrievedChunk;
import dev.healthrag.store.ArticleStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code eval DIR [--questions FILE] [--out DIR] [--answers]}: indexes DIR/articles into the configured
 * (separate) database, reusing what is already current, asks every question in every retrieval mode and prints
 * Recall@1/5/10, MRR@10, nDCG@10 and latency percentiles; with {@code --answers}, asks every question through
 * the answering pipeline instead and prints the answer metrics ({@link AnswerEvaluation}); with
 * {@code --conversations FILE}, plays multi-turn conversations and prints follow-up retrieval with and without
 * rewriting ({@link ConversationEvaluation}).
 */
@ApplicationScoped
public class EvalCommand {

    /** Chunks fetched per question: enough to rank ten distinct articles after per-article diversification. */
    private static final int DEPTH = 30;

    private final Ingestor ingestor;
    private final HybridContentRetriever retriever;
    private final ArticleStore store;
    private final Embedder embedder;
    private final AnswerEvaluation answers;
    private final ConversationEvaluation conversations;
    private final boolean modelSearchQueries;

    public EvalCommand(Ingestor ingestor, HybridContentRetriever retriever, ArticleStore store, Embedder embedder,
                       AnswerEvaluation answers, ConversationEvaluation conversations, HealthRagConfig config) {
        this.conversations = conversations;
        this.modelSearchQueries = config.llm().writesSearchQueries();
        this.ingestor = ingestor;
        this.retriever = retriever;
        this.store = store;
        this.embedder = embedder;
        this.answers = answers;
    }

    public int run(String... args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: eval DIR [--questions FILE] [--out DIR] [--answers] [--conversations FILE]   (DIR holds articles/ "
                    + "and questions.jsonl)");
            return 2;
        }
        Path dir = Path.of(args[0]);
        Path questionsFile = dir.resolve("questions.jsonl");
        Path outDir = Path.of("eval-out");
        boolean answerMode = false;
        Path conversationsFile = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--questions" -> questionsFile = Path.of(args[++i]);
                case "--out" -> outDir = Path.of(args[++i]);
                case "--answers" -> answerMode = true;
                case "--conversations" -> conversationsFile = Path.of(args[++i]);
                default -> {
                    System.err.println("Unknown option " + args[i]);
                    return 2;
                }
            }
        }
        Path questionsPath = questionsFile;
        Path out = outDir;
        boolean answering = answerMode;
        Path conversationsPath = conversationsFile;
        return CommandErrors.guarded(() -> {
            if (conversationsPath != null) {
                List<EvalConversation> set = EvalConversation.read(conversationsPath);
                IngestReport ingest = ingestor.ingest(dir.resolve("articles"), new IngestOptions(true, false),
                        System.out);
                System.out.println("Index: " + ingest.summary());
                String table = conversations.evaluate(set);
                System.out.println();
                System.out.println(table);
                return 0;
            }
            List<EvalQuestion> questions = EvalQuestion.read(questionsPath);
            IngestReport ingest = ingestor.ingest(dir.resolve("articles"), new IngestOptions(true, false), System.out);
            System.out.println("Index: " + ingest.summary());
            if (modelSearchQueries) {
                System.out.println("Each question is also searched as the LLM's search query (model "
                        + ConfigProvider.getConfig().getOptionalValue("quarkus.langchain4j.openai.chat-model.model-name",
                        String.class).orElse("?") + "); reported as " + modelLabel());
            }
            if (answering) {
                AnswerEvalReport report = answers.evaluate(dataset(dir), questionSet(questionsPath), questions);
                Path saved = report.save(out);
                System.out.println();
                System.out.println(report.markdown());
                System.out.println("Saved " + saved);
                return 0;
            }
            EvalReport report = evaluate(dataset(dir), questionsPath, questions);
            Path saved = report.save(out);
            System.out.println();
            System.out.println(EvalReport.markdown(report.withSiblings(out)));
            System.out.println("Saved " + saved);
            return 0;
        });
    }

    private EvalReport evaluate(String dataset, Path questionsFile, List<EvalQuestion> questions) {
        embedder.warmUp();
        Map<String, RankingMetrics.Summary> modes = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> ranks = new LinkedHashMap<>();
        for (RetrievalMode mode : RetrievalMode.values()) {
            RankingMetrics metrics = new RankingMetrics();
            Map<String, Integer> modeRanks = new LinkedHashMap<>();
            for (EvalQuestion question : questions) {
                long start = System.nanoTime();
                List<RetrievedChunk> chunks = retriever.retrieve(
                        new RetrievalRequest(question.question(), mode, DEPTH));
                double ms = (System.nanoTime() - start) / 1e6;
                modeRanks.put(question.id(), metrics.add(RankingMetrics.rankedArticles(chunks), question.relevant(), ms));
            }
            String name = mode.name().toLowerCase();
            modes.put(name, metrics.summary());
            ranks.put(name, modeRanks);
            System.out.printf("  %-8s %s%n", name, metrics.summary());
        }
        var counts = store.counts();
        return new EvalReport(dataset, questionSet(questionsFile), modelLabel(), (int) counts.articles(),
                counts.chunks(), modes, ranks);
    }

    /** The embedding model, marked when the LLM's search queries were searched too, so both runs are kept apart. */
    private String modelLabel() {
        return embedder.choice().configName() + (modelSearchQueries ? "+llm-search-query" : "");
    }

    /** Named by folder and file, e.g. "consumer-medquad-questions": question files are usually all questions.jsonl. */
    private static String questionSet(Path questionsFile) {
        Path file = questionsFile.toAbsolutePath().normalize();
        return file.getParent().getFileName() + "-" + file.getFileName().toString().replace(".jsonl", "");
    }

    private static String dataset(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? "dataset" : name.toString();
    }
}
