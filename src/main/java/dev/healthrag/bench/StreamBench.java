package dev.healthrag.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Times POST /api/chat/stream against a running service, one stream at a time: from sending the request to the
 * first {@code sources} event, and to the {@code done} event, as p50/p95 over the questions of a question file
 * taken in turn; each stream is followed by the same question on POST /api/chat, so that done can be read against
 * the blocking answer of the same minute (absolute times drift with the machine). A plain client (no Quarkus), so it measures the service and not a second one starting up:
 * {@code ./healthrag stream-bench [--url URL] [--questions FILE] [--requests N] [--warmup W]}.
 */
public final class StreamBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Times of one stream and of the same question on /api/chat, in milliseconds, and the answer's mode. */
    record Timing(double toSources, double toDone, String mode, double chat) {
        Timing withChat(double millis) {
            return new Timing(toSources, toDone, mode, millis);
        }
    }

    private StreamBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = "http://localhost:8080";
        Path questionsFile = Path.of("ingest/questions.jsonl");
        int requests = 200;
        int warmup = 20;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--url" -> url = required(args[i], value);
                case "--questions" -> questionsFile = Path.of(required(args[i], value));
                case "--requests" -> requests = positive(args[i], value);
                case "--warmup" -> warmup = Integer.parseInt(required(args[i], value));
                default -> {
                    System.err.println("ERROR: unknown option " + args[i]
                            + "; options: --url URL --questions FILE --requests N --warmup W");
                    System.exit(2);
                }
            }
            i++;
        }
        List<String> questions = questions(questionsFile);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI stream = URI.create(url.replaceAll("/+$", "") + "/api/chat/stream");
        URI chat = URI.create(url.replaceAll("/+$", "") + "/api/chat");
        for (int i = 0; i < warmup; i++) {
            String question = questions.get(i % questions.size());
            time(http, stream, question);
            timeChat(http, chat, question);
        }
        List<Timing> timings = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String question = questions.get((warmup + i) % questions.size());
            timings.add(time(http, stream, question).withChat(timeChat(http, chat, question)));
        }
        report(stream, questionsFile, warmup, timings);
    }

    /** One stream read to its end; fails unless it has a sources event first and a done event last. */
    static Timing time(HttpClient http, URI stream, String question) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(stream).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("question", question))))
                .build();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for '" + question + "': "
                    + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        double toSources = -1;
        String event = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).strip();
                    if (toSources < 0) {
                        if (!event.equals("sources")) {
                            throw new IOException("the first event was '" + event + "', not 'sources'");
                        }
                        toSources = millisSince(start);
                    }
                } else if (line.startsWith("data:") && "done".equals(event)) {
                    double toDone = millisSince(start);
                    String mode = JSON.readTree(line.substring("data:".length())).path("mode").asText("?");
                    return new Timing(toSources, toDone, mode, -1);
                }
            }
        }
        throw new IOException("the stream for '" + question + "' ended without a done event");
    }

    /** One blocking answer to the same question, read whole. */
    static double timeChat(HttpClient http, URI chat, String question) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(chat).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("question", question))))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from /api/chat for '" + question + "'");
        }
        return millisSince(start);
    }

    private static void report(URI stream, Path questionsFile, int warmup, List<Timing> timings) {
        Map<String, Integer> modes = new TreeMap<>();
        timings.forEach(t -> modes.merge(t.mode(), 1, Integer::sum));
        List<Double> sources = new ArrayList<>(timings.stream().map(Timing::toSources).toList());
        List<Double> done = new ArrayList<>(timings.stream().map(Timing::toDone).toList());
        List<Double> chat = new ArrayList<>(timings.stream().map(Timing::chat).toList());
        System.out.printf("POST %s, %d streams one at a time after %d warm-up ones, questions of %s%n", stream,
                timings.size(), warmup, questionsFile);
        System.out.printf("answer modes: %s%n", modes);
        System.out.println("| to event | p50 ms | p95 ms |");
        System.out.println("|---|---|---|");
        System.out.printf("| sources | %.1f | %.1f |%n", percentile(sources, 50), percentile(sources, 95));
        System.out.printf("| done | %.1f | %.1f |%n", percentile(done, 50), percentile(done, 95));
        System.out.printf("| /api/chat, same questions, interleaved | %.1f | %.1f |%n", percentile(chat, 50),
                percentile(chat, 95));
        System.out.printf("done / /api/chat: p50 %.2f, p95 %.2f; sources / done p50: %.2f%n",
                percentile(done, 50) / percentile(chat, 50), percentile(done, 95) / percentile(chat, 95),
                percentile(sources, 50) / percentile(done, 50));
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static List<String> questions(Path file) throws IOException {
        List<String> questions = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                JsonNode question = JSON.readTree(line).get("question");
                if (question != null && question.isTextual()) {
                    questions.add(question.asText());
                }
            }
        }
        if (questions.isEmpty()) {
            throw new IllegalArgumentException(file + " has no {\"question\": ...} lines");
        }
        return questions;
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000.0;
    }

    private static String required(String option, String value) {
        if (value == null) {
            System.err.println("ERROR: " + option + " needs a value");
            System.exit(2);
        }
        return value;
    }

    private static int positive(String option, String value) {
        int n = Integer.parseInt(required(option, value));
        if (n < 1) {
            System.err.println("ERROR: " + option + " must be at least 1");
            System.exit(2);
        }
        return n;
    }
}
