package dev.healthrag.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.healthrag.bench.HnswRecall;
import dev.healthrag.bench.IngestRate;
import dev.healthrag.bench.LoadRun;
import dev.healthrag.bench.SyntheticCorpus;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.eval.EvalQuestion;
import dev.healthrag.store.SchemaMigrator;
import dev.healthrag.store.StoreException;
import dev.healthrag.store.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code bench [--chunks N] [--requests R] [--concurrency C] [--latency-only]}: builds (once) a synthetic
 * corpus of N chunks, measures HNSW recall@10 against exact search, runs a bounded load of /api/search
 * against this very service, and compares full-ingest throughput with the embedding model's own rate.
 * With --latency-only it only loads /api/search and /api/chat on the index as it is.
 */
@ApplicationScoped
public class BenchCommand {

    private final SyntheticCorpus corpus;
    private final HnswRecall recall;
    private final IngestRate ingestRate;
    private final Embedder embedder;
    private final SchemaMigrator migrator;
    private final int port;

    public BenchCommand(SyntheticCorpus corpus, HnswRecall recall, IngestRate ingestRate, Embedder embedder,
                        SchemaMigrator migrator, @ConfigProperty(name = "quarkus.http.port") int port) {
        this.corpus = corpus;
        this.recall = recall;
        this.ingestRate = ingestRate;
        this.embedder = embedder;
        this.migrator = migrator;
        this.port = port;
    }

    public int run(String... args) {
        int chunks = 100_000;
        int requests = 2_000;
        int concurrency = 4;
        boolean latencyOnly = false;
        Path source = Path.of("ingest/articles");
        Path questionsFile = Path.of("ingest/questions.jsonl");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--chunks" -> chunks = Integer.parseInt(args[++i]);
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--source" -> source = Path.of(args[++i]);
                case "--questions" -> questionsFile = Path.of(args[++i]);
                case "--latency-only" -> latencyOnly = true;
                default -> {
                    System.err.println("Unknown option " + args[i]);
                    return 2;
                }
            }
        }
        try {
            migrator.ensureMigrated();
            embedder.warmUp();
            List<String> questions = EvalQuestion.read(questionsFile).stream().map(EvalQuestion::question).toList();
            Map<String, Object> results = new LinkedHashMap<>();
            results.put("model", embedder.choice().configName());
            if (latencyOnly) {
                results.put("search", load("GET /api/search", requests, concurrency, i -> LoadRun.search(port, questions.get(i % questions.size()))));
                results.put("chat", load("POST /api/chat", requests, concurrency, i -> LoadRun.chat(port, questions.get(i % questions.size()))));
            } else {
                results.put("chunks", chunks);
                if (corpus.syntheticChunks() != chunks) {
                    System.out.printf("Generating a synthetic corpus of %d chunks from %s...%n", chunks, source);
                    long start = System.nanoTime();
                    corpus.generate(source, chunks, 42);
                    System.out.printf("  done in %.0f s%n", (System.nanoTime() - start) / 1e9);
                } else {
                    System.out.printf("Reusing the synthetic corpus of %d chunks%n", chunks);
                }
                double hnswRecall = recall.measure(recallQueries(questions, 200));
                System.out.printf("HNSW recall@10 against exact search (200 queries): %.3f%n", hnswRecall);
                results.put("hnswRecallAt10", Math.round(hnswRecall * 1000) / 1000.0);
                results.put("search", load("GET /api/search", requests, concurrency, i -> LoadRun.search(port, questions.get(i % questions.size()))));
                IngestRate.Result rate = ingestRate.measure(source);
                System.out.printf("Ingest of %s: %s%n", source, rate);
                results.put("ingest", rate);
            }
            Path out = Path.of("eval-out", "bench--" + (latencyOnly ? "latency--" : "") + embedder.choice().configName() + ".json");
            Files.createDirectories(out.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), results);
            System.out.println("Saved " + out);
            return 0;
        } catch (IOException e) {
            System.err.println("ERROR: " + e.getMessage());
            return 2;
        } catch (StoreUnavailableException | StoreException e) {
            System.err.println("ERROR: " + e.getMessage());
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static LoadRun.Result load(String name, int requests, int concurrency,
                                       java.util.function.IntFunction<java.net.http.HttpRequest> request)
            throws InterruptedException {
        LoadRun.run(Math.min(50, requests), concurrency, request); // warm-up: JIT, connection pool, caches
        LoadRun.Result result = LoadRun.run(requests, concurrency, request);
        System.out.printf("%s, %d requests, %d clients: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.1f req/s, %d errors%n",
                name, requests, concurrency, result.p50Ms(), result.p95Ms(), result.p99Ms(), result.perSecond(),
                result.errors());
        return result;
    }

    /** Real questions' vectors, then noisy copies of them up to {@code count}. */
    private List<float[]> recallQueries(List<String> questions, int count) {
        List<float[]> queries = new ArrayList<>();
        questions.forEach(q -> queries.add(embedder.embedQuery(q)));
        Random random = new Random(7);
        int real = queries.size();
        while (queries.size() < count) {
            float[] base = queries.get(random.nextInt(real));
            queries.add(SyntheticCorpus.mix(base, queries.get(random.nextInt(real)), random));
        }
        return queries;
    }
}
