package dev.healthrag.cli;

import dev.healthrag.eval.grounding.GroundingEvaluation;
import dev.healthrag.eval.grounding.GroundingSetGenerator;
import dev.healthrag.eval.grounding.LabelledClaim;
import dev.healthrag.eval.grounding.LabelledSource;
import dev.healthrag.ingest.Article;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code grounding-set DIR [--out FILE] [--sources N] [--seed S]}: writes labelled (source, claim) pairs made
 * from DIR/articles (MedQuAD) to FILE (default eval/grounding/labelled.jsonl) and prints their count by type.
 */
@ApplicationScoped
public class GroundingSetCommand {

    private static final int DEFAULT_SOURCES = 340;
    private static final long DEFAULT_SEED = 10;

    public int run(String... args) {
        Path dir = null;
        Path out = Path.of("eval/grounding/labelled.jsonl");
        int sources = DEFAULT_SOURCES;
        long seed = DEFAULT_SEED;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--sources" -> sources = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> dir = Path.of(args[i]);
            }
        }
        if (dir == null) {
            System.err.println("ERROR: usage: grounding-set DIR [--out FILE] [--sources N] [--seed S]");
            return 2;
        }
        Path articles = Files.isDirectory(dir.resolve("articles")) ? dir.resolve("articles") : dir;
        Path file = out;
        int count = sources;
        long s = seed;
        return CommandErrors.guarded(() -> {
            if (!Files.isDirectory(articles)) {
                throw new IOException(articles + " is not a folder of articles");
            }
            GroundingSetGenerator generator = new GroundingSetGenerator();
            List<Article> parsed = generator.articles(articles);
            List<LabelledSource> set = generator.generate(parsed, count, s);
            GroundingEvaluation.write(file, set);
            Map<String, int[]> byType = new TreeMap<>();
            for (LabelledSource source : set) {
                for (LabelledClaim claim : source.claims()) {
                    int[] n = byType.computeIfAbsent(claim.label() + " " + claim.type(), k -> new int[2]);
                    n[source.split().equals(LabelledSource.TEST) ? 1 : 0]++;
                }
            }
            System.out.printf("%d sources from %d articles, %d claims -> %s%n", set.size(), parsed.size(),
                    set.stream().mapToInt(x -> x.claims().size()).sum(), file);
            System.out.println("| label | type | calibration | test |\n|---|---|---|---|");
            byType.forEach((type, n) -> System.out.printf("| %s | %s | %d | %d |%n", type.split(" ")[0],
                    type.split(" ")[1], n[0], n[1]));
            return 0;
        });
    }
}
