package dev.healthrag.bench;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.ingest.IngestOptions;
import dev.healthrag.ingest.IngestReport;
import dev.healthrag.ingest.Ingestor;
import dev.healthrag.store.ArticleStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Full-ingest throughput (read, clean, split, embed, write) next to the embedding model's own rate on
 * the very same chunk texts, measured back to back in one run.
 */
@ApplicationScoped
public class IngestRate {

    private final Ingestor ingestor;
    private final ArticleStore store;
    private final Embedder embedder;
    private final SyntheticCorpus corpus;
    private final int batchSize;

    public IngestRate(Ingestor ingestor, ArticleStore store, Embedder embedder, SyntheticCorpus corpus,
                      HealthRagConfig config) {
        this.ingestor = ingestor;
        this.store = store;
        this.embedder = embedder;
        this.corpus = corpus;
        this.batchSize = config.embedding().batchSize();
    }

    public record Result(int chunks, double modelChunksPerSecond, double ingestChunksPerSecond, double ratio) {
    }

    /** The model's rate is taken before and after the ingest and the better one kept: the ratio errs low. */
    public Result measure(Path dir) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        List<String> texts = corpus.embeddingTexts(dir);
        double modelBefore = modelRate(texts);

        // Remove this folder's articles so the ingest below does all of its work, as on a first run.
        store.delete(corpus.articleIds(dir));
        IngestReport report = ingestor.ingest(dir, IngestOptions.DEFAULT, quiet);
        double ingestRate = report.chunksEmbedded() / report.totalSeconds();
        double modelRate = Math.max(modelBefore, modelRate(texts));
        return new Result(report.chunksEmbedded(), round(modelRate), round(ingestRate), round(ingestRate / modelRate));
    }

    private double modelRate(List<String> texts) {
        long start = System.nanoTime();
        for (int from = 0; from < texts.size(); from += batchSize) {
            embedder.embedPassages(new ArrayList<>(texts.subList(from, Math.min(texts.size(), from + batchSize))));
        }
        return texts.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
