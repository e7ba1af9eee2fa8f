package dev.healthrag.bench;

import dev.healthrag.embedding.Embedder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 11's speed targets, as ratios of figures taken in the same run: absolute times on a shared machine drift
 * between hours, a ratio of two figures measured minutes apart hardly does.
 * <ul>
 *   <li>{@code /api/search} p50 with one client ÷ the p50 of embedding the same questions in this process (the
 *   model alone, one at a time): what the service adds to the model;</li>
 *   <li>p95 ÷ p50 of {@code /api/search} with {@code concurrency} clients: how evenly the load is served;</li>
 *   <li>its throughput ÷ that of a baseline service (another build, on another port, the same database), when
 *   one is given.</li>
 * </ul>
 * Each round measures every figure once: every question embedded and searched back to back, then the loaded runs
 * of the two services in turn, in an order that alternates between rounds (ABBA), so that a slow minute falls on
 * both sides of each ratio. The ratios are taken on the rounds pooled; each round's own are kept to show the
 * spread.
 */
public final class SpeedRatios {

    /**
     * @param rounds      measured rounds, at least 1
     * @param concurrency clients of the loaded runs, at least 1
     * @param requests    requests of each loaded run, at least 1
     * @param warmup      requests each service gets at {@code concurrency} clients before anything is measured
     */
    public record Settings(int rounds, int concurrency, int requests, int warmup) {
        public Settings {
            if (rounds < 1 || concurrency < 1 || requests < 1 || warmup < 0) {
                throw new IllegalArgumentException("rounds, concurrency and requests must be at least 1 and warmup"
                        + " at least 0; got " + rounds + ", " + concurrency + ", " + requests + ", " + warmup);
            }
        }
    }

    /** One round's figures; the baseline's are null without one. */
    public record Round(int round, double embeddingP50Ms, double oneClientP50Ms, double oneClientOverEmbedding,
                        double p50Ms, double p95Ms, double p95OverP50, double perSecond,
                        Double baselinePerSecond, Double throughputOverBaseline) {
    }

    /**
     * The ratios over all rounds, with the figures they divide; p95 ÷ p50 is the median of the rounds' own, since
     * pooling rounds taken at different loads would widen the spread by the drift between them. {@code queryEmbeddingsPerSearch} is what the
     * service's own meter counted per measured search (null when it has none): at least 1 shows that no search
     * was timed without its embedding. {@code oneClientStageMeansMs} is where the one-client searches spent their
     * time by the service's own clock: each retrieval stage's mean over the searches that went through it, in ms
     * (empty when the service has no such meter); {@code oneClientMeanMs} is those searches' mean as the bench
     * timed them, whose difference from the stages' sum is HTTP, JSON and the rest.
     */
    public record Result(int questions, int distinctQuestions, int rounds, int concurrency,
                         double embeddingP50Ms, double oneClientP50Ms, double oneClientOverEmbedding,
                         double p50Ms, double p95Ms, double p95OverP50, double perSecond, int errors,
                         Double baselineP50Ms, Double baselineP95Ms, Double baselinePerSecond,
                         Integer baselineErrors, Double throughputOverBaseline, Double queryEmbeddingsPerSearch,
                         double oneClientMeanMs, Map<String, Double> oneClientStageMeansMs, List<Round> perRound) {
    }

    /** Issue 11's targets, printed beside the figures. */
    static final double ONE_CLIENT_OVER_EMBEDDING_TARGET = 2.0;
    static final double P95_OVER_P50_TARGET = 2.5;
    static final double THROUGHPUT_OVER_BASELINE_TARGET = 1.0;
    /**
     * Builds before the embedder lost its query cache answered a question asked again within 256 others from
     * that cache, skipping the model: a baseline of those needs more distinct questions to be measured whole.
     */
    static final int OLD_QUERY_CACHE_SIZE = 256;

    private final Embedder embedder;
    private final Settings settings;

    public SpeedRatios(Embedder embedder, Settings settings) {
        this.embedder = embedder;
        this.settings = settings;
    }

    /**
     * Measures the service on {@code port} and, when {@code baselinePort} is not null, the baseline on that port.
     *
     * @param questions the questions to search for and embed, cycled; not empty
     */
    public Result measure(List<String> questions, int port, Integer baselinePort)
            throws IOException, InterruptedException {
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("no questions to measure with");
        }
        int distinct = new HashSet<>(questions).size();
        if (baselinePort != null && distinct <= OLD_QUERY_CACHE_SIZE) {
            System.out.printf("WARNING: %d distinct questions; a baseline built before the query cache was removed"
                    + " answers repeats from it, so its throughput is measured without most embeddings. Give"
                    + " --questions a file of more than %d distinct questions.%n", distinct, OLD_QUERY_CACHE_SIZE);
        }
        Cycle service = new Cycle(questions, port);
        Cycle other = baselinePort == null ? null : new Cycle(questions, baselinePort);
        embed(questions);
        service.load(settings.warmup(), settings.concurrency());
        if (other != null) {
            other.load(settings.warmup(), settings.concurrency());
        }
        QueryEmbeddingMeter meter = new QueryEmbeddingMeter(port);
        Double embeddedBefore = meter.read();
        RetrievalStageMeter stageMeter = new RetrievalStageMeter(port);
        Map<String, RetrievalStageMeter.Totals> stages = new LinkedHashMap<>();
        List<Sample> embeddings = new ArrayList<>();
        List<Sample> oneClient = new ArrayList<>();
        List<Sample> loaded = new ArrayList<>();
        List<Sample> baseline = new ArrayList<>();
        List<Round> rounds = new ArrayList<>();
        for (int r = 0; r < settings.rounds(); r++) {
            boolean currentFirst = r % 2 == 0;
            Map<String, RetrievalStageMeter.Totals> stagesBefore = stageMeter.read();
            Sample[] pairs = embedAndSearch(questions, port);
            RetrievalStageMeter.addDifference(stages, stagesBefore, stageMeter.read());
            Sample embedding = pairs[0];
            Sample single = pairs[1];
            Sample current = null;
            Sample base = null;
            for (boolean currentTurn : new boolean[]{currentFirst, !currentFirst}) {
                if (currentTurn) {
                    current = service.load(settings.requests(), settings.concurrency());
                } else if (other != null) {
                    base = other.load(settings.requests(), settings.concurrency());
                }
            }
            embeddings.add(embedding);
            oneClient.add(single);
            loaded.add(current);
            if (base != null) {
                baseline.add(base);
            }
            Round round = round(r + 1, embedding, single, current, base);
            rounds.add(round);
            System.out.printf(Locale.ROOT, "  round %d: 1 client %.1f ms / embedding %.1f ms = %.2f; %d clients p95"
                            + " %.1f / p50 %.1f ms = %.2f, %.1f req/s%s%n", round.round(), round.oneClientP50Ms(),
                    round.embeddingP50Ms(), round.oneClientOverEmbedding(), settings.concurrency(), round.p95Ms(),
                    round.p50Ms(), round.p95OverP50(), round.perSecond(), base == null ? ""
                            : String.format(Locale.ROOT, " vs baseline %.1f req/s = %.3f", round.baselinePerSecond(),
                            round.throughputOverBaseline()));
        }
        Double embeddedAfter = meter.read();
        int searches = settings.rounds() * (questions.size() + settings.requests());
        Double perSearch = embeddedBefore == null || embeddedAfter == null ? null
                : round((embeddedAfter - embeddedBefore) / searches, 3);
        Map<String, Double> stageMeans = new LinkedHashMap<>();
        stages.forEach((stage, totals) -> stageMeans.put(stage,
                totals.count() > 0 ? round(totals.seconds() * 1000 / totals.count(), 2) : 0.0));
        return result(questions.size(), distinct, perSearch, stageMeans, rounds, Sample.pooled(embeddings),
                Sample.pooled(oneClient), Sample.pooled(loaded), baseline.isEmpty() ? null : Sample.pooled(baseline));
    }

    private Result result(int questions, int distinct, Double perSearch, Map<String, Double> stageMeans,
                          List<Round> rounds, Sample embedding,
                          Sample single, Sample current, Sample base) {
        return new Result(questions, distinct, settings.rounds(), settings.concurrency(),
                ms(embedding.percentileMs(50)), ms(single.percentileMs(50)),
                ratio(single.percentileMs(50), embedding.percentileMs(50)),
                ms(current.percentileMs(50)), ms(current.percentileMs(95)),
                median(rounds.stream().map(Round::p95OverP50).toList()), ms(current.perSecond()),
                single.errors() + current.errors(),
                base == null ? null : ms(base.percentileMs(50)), base == null ? null : ms(base.percentileMs(95)),
                base == null ? null : ms(base.perSecond()), base == null ? null : base.errors(),
                base == null ? null : ratio(current.perSecond(), base.perSecond()), perSearch,
                round(single.latenciesMs().stream().mapToDouble(Double::doubleValue).average().orElse(0), 2),
                stageMeans, rounds);
    }

    private static Round round(int number, Sample embedding, Sample single, Sample current, Sample base) {
        return new Round(number, ms(embedding.percentileMs(50)), ms(single.percentileMs(50)),
                ratio(single.percentileMs(50), embedding.percentileMs(50)), ms(current.percentileMs(50)),
                ms(current.percentileMs(95)), ratio(current.percentileMs(95), current.percentileMs(50)),
                ms(current.perSecond()), base == null ? null : ms(base.perSecond()),
                base == null ? null : ratio(current.perSecond(), base.perSecond()));
    }

    /**
     * One service's place in the cycle of questions, carried from run to run. Were each run to start again at the
     * first question, it would ask first what the last run asked last, and a cache of recent queries (the
     * baseline's) would answer those without the model.
     */
    private static final class Cycle {

        private final List<String> questions;
        private final int port;
        private long asked;

        Cycle(List<String> questions, int port) {
            this.questions = questions;
            this.port = port;
        }

        Sample load(int requests, int clients) throws InterruptedException {
            long first = asked;
            asked += requests;
            return LoadRun.sample(requests, clients, port,
                    i -> LoadRun.search(questions.get((int) ((first + i) % questions.size()))));
        }
    }

    /**
     * Each question embedded here and searched by one client, the two back to back (which goes first alternates),
     * so that both see the machine as it is that second: a drift between two passes over all questions would
     * land on one side of the ratio only. Returns the embeddings' sample and the searches'.
     */
    private Sample[] embedAndSearch(List<String> questions, int port) {
        List<Double> embeddings = new ArrayList<>(questions.size());
        List<Double> searches = new ArrayList<>(questions.size());
        int errors = 0;
        long start = System.nanoTime();
        try (HttpConnection connection = new HttpConnection(port)) {
            for (int i = 0; i < questions.size(); i++) {
                for (boolean embedTurn : new boolean[]{i % 2 == 0, i % 2 != 0}) {
                    long began = System.nanoTime();
                    if (embedTurn) {
                        embedder.embedQuery(questions.get(i));
                        embeddings.add((System.nanoTime() - began) / 1e6);
                    } else {
                        try {
                            errors += connection.send(LoadRun.search(questions.get(i))) == 200 ? 0 : 1;
                        } catch (IOException e) {
                            errors++;
                        }
                        searches.add((System.nanoTime() - began) / 1e6);
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Sample[]{new Sample(embeddings, 0, seconds), new Sample(searches, errors, seconds)};
    }

    /** Embeds each question once, one at a time, timing each. */
    private Sample embed(List<String> questions) {
        List<Double> latencies = new ArrayList<>(questions.size());
        long start = System.nanoTime();
        for (String question : questions) {
            long began = System.nanoTime();
            embedder.embedQuery(question);
            latencies.add((System.nanoTime() - began) / 1e6);
        }
        return new Sample(latencies, 0, (System.nanoTime() - start) / 1e9);
    }

    /** The ratios as a Markdown table, with issue 11's targets. */
    public static String table(Result result) {
        StringBuilder table = new StringBuilder("| ratio | figures | ratio | target |\n|---|---|---|---|\n");
        table.append(String.format(Locale.ROOT, "| /api/search p50, 1 client ÷ query embedding p50 | %.1f ÷ %.1f ms"
                        + " | **%.2f** | ≤ %.1f |%n", result.oneClientP50Ms(), result.embeddingP50Ms(),
                result.oneClientOverEmbedding(), ONE_CLIENT_OVER_EMBEDDING_TARGET));
        table.append(String.format(Locale.ROOT, "| /api/search p95 ÷ p50, %d clients (median of the rounds') |"
                        + " %.1f ÷ %.1f ms pooled | **%.2f** | ≤ %.1f |%n", result.concurrency(), result.p95Ms(),
                result.p50Ms(), result.p95OverP50(), P95_OVER_P50_TARGET));
        if (result.throughputOverBaseline() != null) {
            table.append(String.format(Locale.ROOT, "| throughput ÷ baseline's, %d clients | %.1f ÷ %.1f req/s |"
                            + " **%.3f** | ≥ %.1f |%n", result.concurrency(), result.perSecond(),
                    result.baselinePerSecond(), result.throughputOverBaseline(), THROUGHPUT_OVER_BASELINE_TARGET));
        }
        return table.toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : round((sorted.get(middle - 1) + sorted.get(middle)) / 2, 3);
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0 : round(numerator / denominator, 3);
    }

    private static double ms(double value) {
        return round(value, 2);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
