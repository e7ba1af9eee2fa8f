package dev.healthrag.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a service's healthrag_retrieval_stage_seconds (retrieval/RetrievalMetrics) from /q/metrics, so the bench
 * can say where the one-client searches it timed spent their time, from the service's own clock.
 */
final class RetrievalStageMeter {

    /** A stage's running totals: seconds and the number of retrievals that went through it. */
    record Totals(double seconds, double count) {
        Totals minus(Totals earlier) {
            return new Totals(seconds - earlier.seconds, count - earlier.count);
        }

        Totals plus(Totals other) {
            return new Totals(seconds + other.seconds, count + other.count);
        }
    }

    private static final Pattern SAMPLE = Pattern.compile(
            "(?m)^healthrag_retrieval_stage_seconds_(sum|count)\\{[^}]*stage=\"(\\w+)\"[^}]*} (\\S+)$");

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI metrics;

    RetrievalStageMeter(int port) {
        this.metrics = URI.create("http://localhost:" + port + "/q/metrics");
    }

    /** Each stage's totals in the order the page lists them; empty when the service has no such meter. */
    Map<String, Totals> read() throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Totals> stages = new LinkedHashMap<>();
        if (response.statusCode() != 200) {
            return stages;
        }
        Matcher sample = SAMPLE.matcher(response.body());
        while (sample.find()) {
            double value = Double.parseDouble(sample.group(3));
            Totals totals = stages.getOrDefault(sample.group(2), new Totals(0, 0));
            stages.put(sample.group(2), sample.group(1).equals("sum") ? new Totals(value, totals.count())
                    : new Totals(totals.seconds(), value));
        }
        return stages;
    }

    /** {@code later} less {@code earlier}, stage by stage, added to {@code into}. */
    static void addDifference(Map<String, Totals> into, Map<String, Totals> earlier, Map<String, Totals> later) {
        later.forEach((stage, totals) -> into.merge(stage,
                totals.minus(earlier.getOrDefault(stage, new Totals(0, 0))), Totals::plus));
    }
}
