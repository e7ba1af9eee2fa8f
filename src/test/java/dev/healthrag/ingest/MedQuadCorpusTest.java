package dev.healthrag.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parses and splits the whole MedQuAD development set when it is present (it lives in the
 * shared folder, not in the repository) and prints the numbers. Point it elsewhere with
 * -Dhealthrag.medquad=/path/to/articles.
 */
class MedQuadCorpusTest {

    private static Path corpus() {
        String configured = System.getProperty("healthrag.medquad", System.getenv("HEALTHRAG_MEDQUAD"));
        List<Path> candidates = configured != null ? List.of(Path.of(configured))
                : List.of(Path.of("../shared/eval/medquad/articles"), Path.of("/work/shared/eval/medquad/articles"));
        return candidates.stream().filter(Files::isDirectory).findFirst().orElse(null);
    }

    @Test
    void parsesAndSplitsEveryMedQuadArticle() throws Exception {
        Path dir = corpus();
        assumeTrue(dir != null, "MedQuAD articles not present; skipping corpus run");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(ArticleParser::isSupported).sorted().toList();
        }
        ArticleParser parser = new ArticleParser();
        ArticleSplitter splitter = new ArticleSplitter(200, 350, 40);
        List<String> failures = new ArrayList<>();
        long chunks = 0;
        long tokens = 0;
        int maxTokens = 0;
        long start = System.nanoTime();

        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                for (ChunkDraft c : splitter.split(parser.parse(file, name.substring(0, name.lastIndexOf('.'))))) {
                    chunks++;
                    tokens += c.tokenCount();
                    maxTokens = Math.max(maxTokens, c.tokenCount());
                }
            } catch (InvalidArticleException e) {
                failures.add(name + ": " + e.getMessage());
            }
        }

        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("MedQuAD: %d articles, %d failures, %d chunks, mean %.1f tokens/chunk, max %d, %d ms%n",
                files.size(), failures.size(), chunks, (double) tokens / Math.max(1, chunks), maxTokens, millis);
        assertEquals(List.of(), failures);
        assertTrue(chunks >= files.size());
        // Never above the 2x budget a single unsplittable sentence may reach.
        assertTrue(maxTokens <= 700, "largest chunk " + maxTokens);
    }
}
