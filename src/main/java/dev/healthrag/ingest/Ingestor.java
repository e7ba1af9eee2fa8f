package dev.healthrag.ingest;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.embedding.EmbeddingModelChoice;
import dev.healthrag.store.Abbreviation;
import dev.healthrag.store.ArticleStore;
import dev.healthrag.store.IndexInfo;
import dev.healthrag.store.SchemaMigrator;
import dev.healthrag.store.StoredArticle;
import dev.healthrag.store.StoredChunk;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a folder of articles into the store. Unchanged articles (same content hash) are skipped,
 * changed ones are replaced whole in one transaction, and a bad file is reported and skipped
 * without stopping the rest.
 */
@ApplicationScoped
public class Ingestor {

    /** Vector width of the chunks.embedding column (V1 migration). */
    static final int STORED_DIMENSION = 384;
    /**
     * Bump when the splitter changes its output, so the next run cuts every article again; only chunks whose text
     * changed are embedded again. (The content hash already covers what the parser makes.)
     */
    static final int CHUNKING_VERSION = 2;

    private final ArticleStore store;
    private final SchemaMigrator migrator;
    private final Embedder embedder;
    private final ArticleParser parser;
    private final ArticleSplitter splitter;
    private final int maxChunksPerArticle;
    private final int batchSize;
    /** Part of every stored hash: changing how articles are cut must re-cut them all. */
    private final String chunkingFingerprint;

    public Ingestor(ArticleStore store, SchemaMigrator migrator, Embedder embedder, HealthRagConfig config) {
        this.store = store;
        this.migrator = migrator;
        this.embedder = embedder;
        this.parser = new ArticleParser(config.ingest().maxFileBytes());
        this.maxChunksPerArticle = config.ingest().maxChunksPerArticle();
        this.splitter = new ArticleSplitter(config.chunking().minTokens(), config.chunking().maxTokens(),
                config.chunking().overlapTokens());
        this.batchSize = config.embedding().batchSize();
        this.chunkingFingerprint = "chunks-v" + CHUNKING_VERSION + "-" + config.chunking().minTokens() + "-"
                + config.chunking().maxTokens() + "-" + config.chunking().overlapTokens();
    }

    private record Pending(StoredArticle article, List<ChunkDraft> chunks, List<Abbreviation> abbreviations,
                           boolean isNew) {
    }

    public IngestReport ingest(Path root, IngestOptions options, PrintStream out) {
        long start = System.nanoTime();
        if (!Files.isDirectory(root)) {
            throw new IngestException("Not a folder: " + root + ". Pass the folder that holds the articles.");
        }
        migrator.ensureMigrated();
        checkModel(options.reindex());
        if (options.reindex()) {
            out.println("Re-indexing: removing every stored article first");
            store.deleteAll();
        }
        SourceFiles.Listing listing = listFiles(root);
        List<SourceFiles.Source> files = listing.files();
        out.printf("Found %d files in %s; embedding model %s%n", files.size(), root, embedder.choice().configName());

        Map<String, ArticleStore.ArticleState> stored = store.states();
        List<IngestReport.FailedFile> failed = new ArrayList<>();
        List<IngestReport.Dropped> dropped = new ArrayList<>();
        List<IngestReport.Warning> warnings = new ArrayList<>();
        Set<String> seenIds = new HashSet<>();
        Map<String, String> pathById = new HashMap<>();
        List<Pending> pending = new ArrayList<>();
        int unchanged = 0;
        int abbreviationsRefreshed = 0;
        for (IngestReport.FailedFile refused : listing.refused()) {
            failed.add(refused);
            // a refused entry still exists: never prune what an earlier run stored under its name
            seenIds.add(refused.path().replaceFirst("\\.[^./]+$", ""));
            out.printf("  FAILED %s: %s%n", refused.path(), refused.reason());
        }
        for (SourceFiles.Source source : files) {
            Path file = source.listed();
            String relative = SourceFiles.relative(root, file);
            String defaultId = relative.replaceFirst("\\.[^./]+$", "");
            seenIds.add(defaultId); // a file that fails to parse still exists: never prune its old version
            try {
                Article article = parseGuarded(source.read(), defaultId);
                String clash = pathById.putIfAbsent(article.id(), relative);
                if (clash != null) {
                    throw new InvalidArticleException("article id '" + article.id() + "' is already used by " + clash
                            + "; give one of them another id");
                }
                seenIds.add(article.id());
                report(relative, article, dropped, out);
                for (String warning : article.warnings()) {
                    warnings.add(new IngestReport.Warning(relative, warning));
                    out.printf("  WARNING %s: %s%n", relative, warning);
                }
                String hash = ContentHash.of(article) + "/" + chunkingFingerprint;
                ArticleStore.ArticleState before = stored.get(article.id());
                if (before != null && hash.equals(before.contentHash())) {
                    unchanged++;
                    if (before.abbreviationsVersion() != AbbreviationExtractor.VERSION) {
                        // Extracted with an older extractor (or before there was one): only the pairs change.
                        store.replaceAbbreviations(article.id(), new ArticleStore.Abbreviations(
                                AbbreviationExtractor.of(article), AbbreviationExtractor.VERSION));
                        abbreviationsRefreshed++;
                    }
                    continue;
                }
                List<ChunkDraft> chunks = splitter.split(article);
                if (chunks.size() > maxChunksPerArticle) {
                    throw new InvalidArticleException("the article makes " + chunks.size() + " chunks, over the "
                            + "limit of " + maxChunksPerArticle + " (healthrag.ingest.max-chunks-per-article); split "
                            + "it into articles of their own, or raise the limit if it really is one article");
                }
                pending.add(new Pending(toStored(article, file.toAbsolutePath().normalize().toString(), hash),
                        chunks, AbbreviationExtractor.of(article), before == null));
            } catch (InvalidArticleException e) {
                failed.add(new IngestReport.FailedFile(relative, e.getMessage()));
                out.printf("  FAILED %s: %s%n", relative, e.getMessage());
            }
        }
        out.printf("%d unchanged, %d to embed, %d failed, %d with text dropped%n", unchanged, pending.size(),
                failed.size(), dropped.stream().map(IngestReport.Dropped::path).distinct().count());
        if (abbreviationsRefreshed > 0) {
            out.printf("%d unchanged articles had their abbreviations extracted again (extractor version %d)%n",
                    abbreviationsRefreshed, AbbreviationExtractor.VERSION);
        }

        long embedStart = System.nanoTime();
        int chunks = write(pending, out);
        double embedSeconds = (System.nanoTime() - embedStart) / 1e9;

        int pruned = 0;
        if (options.prune()) {
            // Only articles that came from this folder: other folders' articles are not "gone".
            String prefix = root.toAbsolutePath().normalize() + java.io.File.separator;
            List<String> gone = stored.entrySet().stream()
                    .filter(e -> e.getValue().sourcePath().startsWith(prefix) && !seenIds.contains(e.getKey()))
                    .map(Map.Entry::getKey).toList();
            pruned = store.delete(gone);
        }

        int added = (int) pending.stream().filter(Pending::isNew).count();
        return new IngestReport(added, pending.size() - added, unchanged, pruned, failed, dropped, warnings, chunks,
                embedSeconds, (System.nanoTime() - start) / 1e9);
    }

    /**
     * The readers' documented failure is {@link InvalidArticleException}; anything else they throw is a bug
     * that one file triggers, and must not stop the run (a page nested 2,000 deep once ended every ingest in a
     * StackOverflowError). It is reported like a bad file, with what the reader threw.
     */
    private Article parseGuarded(Path file, String defaultId) throws InvalidArticleException {
        try {
            return parser.parse(file, defaultId);
        } catch (RuntimeException | StackOverflowError e) {
            throw new InvalidArticleException("the reader failed on this file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); this is a healthrag bug, please "
                    + "report it with the file; until then, simplify the file or leave it out", e);
        }
    }

    /**
     * Dropped text is reported whether or not the article changed: the content hash covers only the text
     * that is kept, so a page that gains or loses an injected sentence is "unchanged", yet still worth a look.
     */
    private static void report(String relative, Article article, List<IngestReport.Dropped> dropped, PrintStream out) {
        if (article.dropped().isEmpty()) {
            return;
        }
        for (DropReason reason : DropReason.values()) {
            int count = article.dropped().getOrDefault(reason, 0);
            if (count > 0) {
                dropped.add(new IngestReport.Dropped(relative, reason, count));
            }
        }
        out.printf("  DROPPED %s: %s%n", relative, IngestReport.describe(article.dropped()));
    }

    /**
     * Embeds in batches that span articles (small articles would waste the model) and writes article by
     * article on a second thread, so the database work of one batch overlaps the embedding of the next.
     * At most one batch waits to be written, which bounds memory.
     */
    private int write(List<Pending> pending, PrintStream out) {
        IngestProgress progress = new IngestProgress(out, pending.size());
        int[] done = new int[2]; // articles, chunks: only the writer thread updates them
        int embedded = 0;
        ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "ingest-writer"));
        try {
            Future<?> previous = CompletableFuture.completedFuture(null);
            for (int from = 0; from < pending.size(); ) {
                int to = from;
                int batchChunks = 0;
                while (to < pending.size()
                        && (batchChunks == 0 || batchChunks + pending.get(to).chunks().size() <= batchSize)) {
                    batchChunks += pending.get(to++).chunks().size();
                }
                List<Pending> batch = pending.subList(from, to);
                BatchVectors vectors = vectorsOf(batch);
                embedded += vectors.embedded();
                await(previous);
                previous = writer.submit(() -> {
                    writeBatch(batch, vectors.all(), done);
                    progress.update(done[0], done[1], false);
                });
                from = to;
            }
            await(previous);
        } finally {
            writer.shutdownNow();
        }
        if (!pending.isEmpty()) {
            progress.update(done[0], done[1], true);
            store.recordIndexInfo(new IndexInfo(embedder.choice().configName(), embedder.choice().dimension()));
        }
        if (done[1] > embedded) {
            out.printf("%d chunks of the changed articles have the text of a stored one and keep its vector%n",
                    done[1] - embedded);
        }
        return embedded;
    }

    /** @param embedded how many of the vectors the model made; the others are stored ones kept */
    private record BatchVectors(List<float[]> all, int embedded) {
    }

    /**
     * A vector for every chunk of the batch, in order: a chunk embedded from the same text as one the article
     * had stored keeps that vector (the model gives the same text the same vector), the others are embedded in
     * one call.
     */
    private BatchVectors vectorsOf(List<Pending> batch) {
        // Read per batch, not per run: a re-cut of a whole corpus would otherwise hold every stored vector at once.
        List<Map<String, float[]>> stored = batch.stream()
                .map(item -> item.isNew() ? Map.<String, float[]>of() : storedVectors(item.article().id())).toList();
        List<String> toEmbed = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            for (ChunkDraft chunk : batch.get(i).chunks()) {
                if (!stored.get(i).containsKey(chunk.embeddingText())) {
                    toEmbed.add(chunk.embeddingText());
                }
            }
        }
        Iterator<float[]> embedded = (toEmbed.isEmpty() ? List.<float[]>of() : embedder.embedPassages(toEmbed)).iterator();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            for (ChunkDraft chunk : batch.get(i).chunks()) {
                float[] kept = stored.get(i).get(chunk.embeddingText());
                vectors.add(kept != null ? kept : embedded.next());
            }
        }
        return new BatchVectors(vectors, toEmbed.size());
    }

    private Map<String, float[]> storedVectors(String articleId) {
        Map<String, float[]> vectors = new HashMap<>();
        for (ArticleStore.EmbeddedChunk chunk : store.embeddedChunks(articleId)) {
            vectors.put(ArticleSplitter.embeddingText(chunk.title(), chunk.heading(), chunk.text()), chunk.vector());
        }
        return vectors;
    }

    private void writeBatch(List<Pending> batch, List<float[]> vectors, int[] done) {
        int offset = 0;
        for (Pending item : batch) {
            List<StoredChunk> stored = new ArrayList<>(item.chunks().size());
            for (ChunkDraft draft : item.chunks()) {
                stored.add(new StoredChunk(draft.position(), draft.heading(), draft.text(), draft.tokenCount(),
                        vectors.get(offset++)));
            }
            store.replace(item.article(), stored,
                    new ArticleStore.Abbreviations(item.abbreviations(), AbbreviationExtractor.VERSION));
            done[0]++;
            done[1] += stored.size();
        }
    }

    /** Waits for a write; its failure (say, the database went away) becomes this thread's. */
    private static void await(Future<?> write) {
        try {
            write.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException("Ingest interrupted; articles written so far are complete, the rest are not.");
        }
    }

    private void checkModel(boolean reindex) {
        EmbeddingModelChoice model = embedder.choice();
        if (model.dimension() != STORED_DIMENSION) {
            throw new IngestException("Embedding model " + model.configName() + " makes " + model.dimension()
                    + "-dimensional vectors but the store holds " + STORED_DIMENSION + "; pick a "
                    + STORED_DIMENSION + "-dimensional model.");
        }
        store.indexInfo().filter(info -> !reindex).ifPresent(info -> {
            if (!info.embeddingModel().equals(model.configName()) || info.dimension() != model.dimension()) {
                throw new IngestException("The index was built with " + info.embeddingModel() + " (" + info.dimension()
                        + " dimensions) but the configured model is " + model.configName() + " (" + model.dimension()
                        + "). Vectors of two models cannot be mixed: re-index everything with `./healthrag ingest DIR"
                        + " --reindex`, or set HEALTHRAG_EMBEDDING_MODEL=" + info.embeddingModel() + ".");
            }
        });
    }

    private static StoredArticle toStored(Article article, String sourcePath, String hash) {
        ArticleMetadata meta = article.metadata();
        return new StoredArticle(article.id(), article.title(), article.url(), sourcePath, article.format(),
                meta.author(), meta.published(), meta.category(), meta.source(), meta.tags(), meta.alsoCalled(), hash);
    }

    private static SourceFiles.Listing listFiles(Path root) {
        try {
            return SourceFiles.list(root);
        } catch (UncheckedIOException e) {
            throw new IngestException(e.getMessage() + "; check that the folder is readable.");
        }
    }
}
