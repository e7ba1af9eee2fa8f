package dev.healthrag.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One evaluation run of one embedding model: the metrics per retrieval mode and the rank of the first
 * relevant article per question (0 = not in the top 10). Saved as JSON; runs of the other model on the
 * same data are read back so the Markdown table shows both side by side.
 */
public record EvalReport(String dataset, String questionSet, String model, int articles, long chunks,
                         Map<String, RankingMetrics.Summary> modes, Map<String, Map<String, Integer>> firstRelevantRank) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Path save(Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Path file = outDir.resolve(prefix(dataset, questionSet) + model + ".json");
        JSON.writeValue(file.toFile(), this);
        return file;
    }

    /** Every saved report for this dataset and question set, this one included. */
    public List<EvalReport> withSiblings(Path outDir) throws IOException {
        List<EvalReport> reports = new ArrayList<>();
        try (Stream<Path> files = Files.list(outDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix(dataset, questionSet))
                    && f.toString().endsWith(".json")).sorted().toList()) {
                EvalReport report = JSON.readValue(file.toFile(), EvalReport.class);
                if (!report.model().equals(model)) {
                    reports.add(report);
                }
            }
        }
        reports.add(this);
        reports.sort((a, b) -> a.model().compareTo(b.model()));
        return reports;
    }

    public static String markdown(List<EvalReport> reports) {
        StringBuilder table = new StringBuilder(
                "| model | mode | questions | Recall@1 | Recall@5 | Recall@10 | MRR@10 | nDCG@10 | p50 ms | p95 ms |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|\n");
        for (EvalReport report : reports) {
            report.modes().forEach((mode, s) -> table.append(String.format(
                    "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.1f | %.1f |%n", report.model(), mode,
                    s.questions(), s.recallAt1(), s.recallAt5(), s.recallAt10(), s.mrrAt10(), s.ndcgAt10(),
                    s.p50Ms(), s.p95Ms())));
        }
        return table.toString();
    }

    private static String prefix(String dataset, String questionSet) {
        return dataset + "--" + questionSet + "--";
    }
}
