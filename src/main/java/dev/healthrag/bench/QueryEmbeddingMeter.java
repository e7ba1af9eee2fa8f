package dev.healthrag.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a service's {@code healthrag_embedding_queries_total} from /q/metrics: how many query texts it has run
 * through the model, so the bench can tell that every search it timed paid for its embedding.
 */
final class QueryEmbeddingMeter {

    private static final Pattern METER =
            Pattern.compile("(?m)^healthrag_embedding_queries_total(?:\\{[^}]*})? (\\S+)$");

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI metrics;

    QueryEmbeddingMeter(int port) {
        this.metrics = URI.create("http://localhost:" + port + "/q/metrics");
    }

    /** The count, or null when the service has no such meter (builds before it was added). */
    Double read() throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return null;
        }
        Matcher meter = METER.matcher(response.body());
        return meter.find() ? Double.parseDouble(meter.group(1)) : null;
    }
}
