package dev.healthrag.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.healthrag.HealthRagConfig;
import dev.healthrag.bench.HnswRecall;
import dev.healthrag.bench.IngestRate;
import dev.healthrag.bench.LoadRun;
import dev.healthrag.bench.ServiceProcess;
import dev.healthrag.bench.SpeedRatios;
import dev.healthrag.bench.SyntheticCorpus;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.eval.EvalQuestion;
import dev.healthrag.store.SchemaMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * {@code bench [--chunks N] [--requests R] [--warmup W] [--concurrency C] [--regenerate] [--ingest-sample DIR]
 * [--latency-only | --recall-only | --ingest-only | --ratios-only] [--questions FILE] [--rounds N]
 * [--baseline-app DIR]}:
 * builds (once, or again with --regenerate) a synthetic
 * corpus of N chunks, measures HNSW recall@10 against exact search, measures the {@link SpeedRatios} of /api/search
 * on the service started as a process of its own on the same database (and, with --baseline-app, of another
 * build's service beside it, on the next port), and compares full-ingest throughput with the embedding model's
 * own rate. With --ratios-only it only measures the speed ratios, on the index as it is.
 * With --latency-only it only loads /api/search and /api/chat on the index as it is; with --recall-only it only
 * measures HNSW recall on the index as it is, with the questions' own vectors (point HEALTHRAG_BENCH_JDBC_URL at
 * a real index, such as an eval database, to measure recall on real data); with --ingest-only it only compares
 * ingest and model throughput on the sample folder.
 */
@ApplicationScoped
public class BenchCommand {

    /** What to measure: everything (on the synthetic corpus), or one part on the index as it is. */
    enum Part { ALL, LATENCY, RECALL, INGEST, RATIOS }

    record Options(int chunks, int requests, int warmup, int concurrency, Part part, boolean regenerate, Path source,
                   Path ingestSample, Path questions, int rounds, Path baselineApp) {
    }

    private static final int RECALL_QUERIES = 200;
    private static final Path SERVICE_LOG = Path.of("eval-out", "bench-service.log");
    private static final Path BASELINE_LOG = Path.of("eval-out", "bench-baseline-service.log");

    private final SyntheticCorpus corpus;
    private final HnswRecall recall;
    private final IngestRate ingestRate;
    private final Embedder embedder;
    private final SchemaMigrator migrator;
    private final int port;
    private final int efSearch;

    public BenchCommand(SyntheticCorpus corpus, HnswRecall recall, IngestRate ingestRate, Embedder embedder,
                        SchemaMigrator migrator, @ConfigProperty(name = "quarkus.http.port") int port,
                        HealthRagConfig config) {
        this.efSearch = config.retrieval().efSearch();
        this.corpus = corpus;
        this.recall = recall;
        this.ingestRate = ingestRate;
        this.embedder = embedder;
        this.migrator = migrator;
        this.port = port;
    }

    public int run(String... args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        return CommandErrors.guarded(() -> bench(options));
    }

    private int bench(Options options) throws IOException, InterruptedException {
        migrator.ensureMigrated();
        embedder.warmUp();
        List<String> questions = EvalQuestion.read(options.questions()).stream().map(EvalQuestion::question).toList();
        IntFunction<LoadRun.Request> search = i -> LoadRun.search(questions.get(i % questions.size()));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("model", embedder.choice().configName());
        if (options.part() == Part.RECALL) {
            results.put("chunks", corpus.chunks());
            results.put("hnswRecallAt10ByEfSearch", measureRecall(questions, Math.max(RECALL_QUERIES, questions.size())));
        } else if (options.part() == Part.INGEST) {
            results.put("ingest", measureIngest(options));
        } else if (options.part() == Part.RATIOS) {
            results.put("chunks", corpus.chunks());
            results.put("ratios", measureRatios(options, questions));
        } else if (options.part() == Part.LATENCY) {
            try (ServiceProcess service = ServiceProcess.start(port, SERVICE_LOG)) {
                results.put("search", load("GET /api/search", options, search));
                results.put("chat", load("POST /api/chat", options, i -> LoadRun.chat(questions.get(i % questions.size()))));
            }
        } else {
            results.put("chunks", options.chunks());
            if (options.regenerate() || corpus.syntheticChunks() != options.chunks()) {
                System.out.printf("Generating a synthetic corpus of %d chunks from %s...%n", options.chunks(), options.source());
                long start = System.nanoTime();
                corpus.generate(options.source(), options.chunks(), 42);
                System.out.printf("  done in %.0f s%n", (System.nanoTime() - start) / 1e9);
            } else {
                System.out.printf("Reusing the synthetic corpus of %d chunks%n", options.chunks());
            }
            results.put("hnswRecallAt10ByEfSearch", measureRecall(questions, RECALL_QUERIES));
            results.put("ratios", measureRatios(options, questions));
            results.put("ingest", measureIngest(options));
        }
        Path out = Path.of("eval-out", "bench--" + (options.part() == Part.ALL ? ""
                : options.part().name().toLowerCase(Locale.ROOT) + "--") + embedder.choice().configName() + ".json");
        Files.createDirectories(out.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), results);
        System.out.println("Saved " + out);
        return 0;
    }

    private static Options parse(String... args) {
        int chunks = 100_000;
        int requests = 2_000;
        int warmup = 1_000;
        int concurrency = 4;
        List<Part> parts = new ArrayList<>();
        boolean regenerate = false;
        Path source = Path.of("ingest/articles");
        Path ingestSample = null;
        Path questions = Path.of("ingest/questions.jsonl");
        int rounds = 3;
        Path baselineApp = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--chunks" -> chunks = Integer.parseInt(args[++i]);
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--source" -> source = Path.of(args[++i]);
                case "--questions" -> questions = Path.of(args[++i]);
                case "--latency-only" -> parts.add(Part.LATENCY);
                case "--recall-only" -> parts.add(Part.RECALL);
                case "--ingest-only" -> parts.add(Part.INGEST);
                case "--ratios-only" -> parts.add(Part.RATIOS);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--baseline-app" -> baselineApp = Path.of(args[++i]);
                case "--regenerate" -> regenerate = true;
                case "--ingest-sample" -> ingestSample = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; usage: bench [--chunks N] [--requests R] [--warmup W] [--concurrency C] [--regenerate]"
                        + " [--ingest-sample DIR] [--latency-only | --recall-only | --ingest-only | --ratios-only]"
                        + " [--questions FILE] [--rounds N] [--baseline-app DIR]");
            }
        }
        if (parts.size() > 1) {
            throw new IllegalArgumentException("--latency-only, --recall-only, --ingest-only and --ratios-only exclude"
                    + " each other; give one");
        }
        if (rounds < 1 || requests < 1 || concurrency < 1 || warmup < 0) {
            throw new IllegalArgumentException("--rounds, --requests and --concurrency must be at least 1, --warmup"
                    + " at least 0");
        }
        Part part = parts.isEmpty() ? Part.ALL : parts.get(0);
        if (baselineApp != null && part != Part.ALL && part != Part.RATIOS) {
            throw new IllegalArgumentException("--baseline-app is compared in the speed ratios: use it without"
                    + " --latency-only, --recall-only and --ingest-only");
        }
        return new Options(chunks, requests, warmup, concurrency, part, regenerate, source,
                ingestSample == null ? source : ingestSample, questions, rounds, baselineApp);
    }

    private LoadRun.Result load(String name, Options options, IntFunction<LoadRun.Request> request)
            throws InterruptedException {
        // A server is measured in its steady state: the JIT compiler needs about a thousand requests (C2 takes a
        // third of a core for the first few thousand), and the pools and PostgreSQL's buffers fill meanwhile.
        LoadRun.run(options.warmup(), options.concurrency(), port, request);
        LoadRun.Result result = LoadRun.run(options.requests(), options.concurrency(), port, request);
        System.out.printf("%s, %d requests, %d clients: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.1f req/s, %d errors%n",
                name, options.requests(), options.concurrency(), result.p50Ms(), result.p95Ms(), result.p99Ms(),
                result.perSecond(), result.errors());
        return result;
    }

    private SpeedRatios.Result measureRatios(Options options, List<String> questions)
            throws IOException, InterruptedException {
        Path baselineJar = options.baselineApp() == null ? null : baselineJar(options.baselineApp());
        SpeedRatios ratios = new SpeedRatios(embedder, new SpeedRatios.Settings(options.rounds(),
                options.concurrency(), options.requests(), options.warmup()));
        System.out.printf("Speed ratios: %d rounds of %d questions embedded here and searched with 1 client, then %d"
                        + " requests from %d clients%s%n", options.rounds(), questions.size(), options.requests(),
                options.concurrency(), baselineJar == null ? "" : " to this build and to " + baselineJar
                        + " (port " + (port + 1) + ") in turn");
        // Both services stay up for the whole run, so each round loads them minutes apart at most; the idle one
        // only waits on its socket.
        try (ServiceProcess service = ServiceProcess.start(port, SERVICE_LOG);
             ServiceProcess baseline = baselineJar == null ? null
                     : ServiceProcess.start(baselineJar, port + 1, BASELINE_LOG)) {
            SpeedRatios.Result result = ratios.measure(questions, port, baseline == null ? null : port + 1);
            System.out.print(SpeedRatios.table(result));
            System.out.printf("Query embeddings per measured search (the service's meter): %s%n",
                    result.queryEmbeddingsPerSearch() == null ? "no meter" : result.queryEmbeddingsPerSearch());
            System.out.printf(Locale.ROOT, "One client, mean per search: %.2f ms as timed here; by the service's"
                    + " retrieval stages %s%n", result.oneClientMeanMs(), result.oneClientStageMeansMs().isEmpty()
                    ? "(no meter)" : result.oneClientStageMeansMs().entrySet().stream()
                    .map(stage -> stage.getKey() + " " + stage.getValue() + " ms")
                    .collect(Collectors.joining(", ")));
            return result;
        }
    }

    /** DIR/quarkus-run.jar, DIR/target/quarkus-app/quarkus-run.jar, or DIR itself when it is the jar. */
    private static Path baselineJar(Path app) throws IOException {
        for (Path candidate : List.of(app.resolve("quarkus-run.jar"),
                app.resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar"), app)) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IOException("--baseline-app " + app + " holds no quarkus-run.jar (give the other build's"
                + " target/quarkus-app folder)");
    }

    private IngestRate.Result measureIngest(Options options) {
        IngestRate.Result rate = ingestRate.measure(options.ingestSample());
        System.out.printf("Ingest of %s: %s%n", options.ingestSample(), rate);
        return rate;
    }

    private Map<Integer, Double> measureRecall(List<String> questions, int queries) {
        Map<Integer, Double> hnswRecall = recall.measure(recallQueries(questions, queries), List.of(40, efSearch, 200));
        System.out.printf("HNSW recall@10 against exact search (%d queries) by hnsw.ef_search: %s (service: %d)%n",
                queries, hnswRecall, efSearch);
        return hnswRecall;
    }

    /** Real questions' vectors, then noisy mixtures of them up to {@code count}. */
    private List<float[]> recallQueries(List<String> questions, int count) {
        List<float[]> queries = new ArrayList<>();
        questions.forEach(q -> queries.add(embedder.embedQuery(q)));
        Random random = new Random(7);
        int real = queries.size();
        while (queries.size() < count) {
            queries.add(SyntheticCorpus.mix(queries.get(random.nextInt(real)), queries.get(random.nextInt(real)), random));
        }
        return queries;
    }
}
