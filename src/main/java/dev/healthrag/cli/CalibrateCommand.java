package dev.healthrag.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.eval.Calibration;
import dev.healthrag.ingest.IngestOptions;
import dev.healthrag.ingest.Ingestor;
import dev.healthrag.retrieval.HybridContentRetriever;
import dev.healthrag.retrieval.RetrievalMode;
import dev.healthrag.retrieval.RetrievalRequest;
import dev.healthrag.retrieval.RetrievedChunk;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code calibrate [DIR] [--out-of-scope FILE]}: measures the best-chunk similarity of the questions in
 * DIR/questions.jsonl (answerable) and of out-of-scope questions, and prints the relevance floor that
 * separates them, for {@code healthrag.retrieval.min-similarity}.
 */
@ApplicationScoped
public class CalibrateCommand {

    private final Ingestor ingestor;
    private final HybridContentRetriever retriever;
    private final Embedder embedder;

    public CalibrateCommand(Ingestor ingestor, HybridContentRetriever retriever, Embedder embedder) {
        this.ingestor = ingestor;
        this.retriever = retriever;
        this.embedder = embedder;
    }

    public int run(String... args) {
        Path dir = Path.of("ingest");
        Path outOfScopeFile = Path.of("eval/out-of-scope/questions.jsonl");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out-of-scope")) {
                outOfScopeFile = Path.of(args[++i]);
            } else {
                dir = Path.of(args[i]);
            }
        }
        Path library = dir;
        Path outOfScopePath = outOfScopeFile;
        return CommandErrors.guarded(() -> {
            List<String> inScope = questions(library.resolve("questions.jsonl"));
            List<String> outOfScope = questions(outOfScopePath);
            ingestor.ingest(library.resolve("articles"), new IngestOptions(true, false), System.out);
            Calibration.Result result = Calibration.choose(bestSimilarities(inScope), bestSimilarities(outOfScope));
            System.out.printf("%n%s: %d answerable and %d out-of-scope questions%n", embedder.choice().configName(),
                    inScope.size(), outOfScope.size());
            System.out.println("| min-similarity | answerable answered | out-of-scope refused |\n|---|---|---|");
            result.curve().stream().filter(p -> Math.round(p.threshold() * 100) % 5 == 0 || p == result.chosen())
                    .forEach(p -> System.out.printf("| %.2f%s | %.3f | %.3f |%n", p.threshold(),
                            p == result.chosen() ? " (chosen)" : "", p.answeredInScope(), p.refusedOutOfScope()));
            Path out = Path.of("eval-out", "calibration--" + embedder.choice().configName() + ".json");
            Files.createDirectories(out.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
            System.out.printf("%nChosen healthrag.retrieval.min-similarity=%.2f for %s (saved %s)%n",
                    result.chosen().threshold(), embedder.choice().configName(), out);
            return 0;
        });
    }

    private List<Double> bestSimilarities(List<String> questions) {
        List<Double> best = new ArrayList<>();
        for (String question : questions) {
            List<RetrievedChunk> chunks = retriever.retrieve(
                    new RetrievalRequest(question, RetrievalMode.HYBRID, 5));
            best.add(chunks.stream().mapToDouble(RetrievedChunk::similarity).max().orElse(0));
        }
        return best;
    }

    private static List<String> questions(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> questions = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                questions.add((String) mapper.readValue(line, Map.class).get("question"));
            }
        }
        return questions;
    }
}
