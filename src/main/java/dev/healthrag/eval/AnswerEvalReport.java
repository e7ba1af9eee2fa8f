package dev.healthrag.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One answer evaluation run: the metrics of every question ("all") and of each answer mode's questions, and
 * each question's outcome with its answer text, so a change can be read answer by answer. Saved next to the
 * retrieval reports under a name their sibling lookup does not pick up.
 */
public record AnswerEvalReport(String dataset, String questionSet, String model, String generator, int topK,
                               int articles, long chunks, Map<String, AnswerQuality.Summary> modes,
                               List<AnswerQuality.Outcome> outcomes) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Path save(Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Path file = outDir.resolve(dataset + "--" + questionSet + "-answers--" + model + ".json");
        JSON.writeValue(file.toFile(), this);
        return file;
    }

    public String markdown() {
        StringBuilder table = new StringBuilder(String.format(
                "Answers of %s on %s (%s, %s, top-k %d)%n%n", dataset, questionSet, model, generator, topK));
        table.append("| mode | questions | answered | relevant cited | [1] relevant | gold words | dangling lead-in "
                + "| leading anaphor | markers valid | p50 ms | p95 ms |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        modes.forEach((mode, s) -> table.append(String.format(
                "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %.1f | %.1f |%n", mode, s.questions(),
                format(s.answered()), format(s.relevantCited()), format(s.firstRelevant()), format(s.goldWordShare()),
                format(s.danglingLeadIn()), format(s.leadingAnaphor()), format(s.markersValid()), s.p50Ms(),
                s.p95Ms())));
        return table.toString();
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "n/a" : String.format("%.3f", value);
    }
}
