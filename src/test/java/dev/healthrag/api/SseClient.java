package dev.healthrag.api;

import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads /api/chat/stream as a browser's EventSource would (WHATWG parsing rules), with java.net.http: each event
 * is its name and its data lines joined by newlines; comments (lines starting with ':') are kept as events named
 * ":" so tests can see the keep-alives.
 */
public final class SseClient implements AutoCloseable {

    static final String COMMENT = ":";

    /** One event as a client sees it. */
    public record Event(String name, String data) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpResponse<InputStream> response;
    private final BufferedReader reader;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    /** POSTs {@code json} to {@code pathAndQuery} and returns once the response headers are in. */
    public static SseClient open(String pathAndQuery, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + pathAndQuery))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                // As long as RestAssured waits: a first chat after a profile's start waits for triage's warm-up.
                .timeout(ConfigProvider.getConfig().getValue("quarkus.http.test-timeout", Duration.class))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return new SseClient(HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream()));
    }

    /** Every event of the stream, read to its end. */
    static List<Event> readAll(String pathAndQuery, String json) throws IOException, InterruptedException {
        try (SseClient client = open(pathAndQuery, json)) {
            List<Event> events = new ArrayList<>();
            for (Event event = client.next(); event != null; event = client.next()) {
                events.add(event);
            }
            return events;
        }
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The rest of the body as it came, for a response that is not an event stream. */
    String rawBody() throws IOException {
        StringBuilder body = new StringBuilder();
        for (int c = reader.read(); c >= 0; c = reader.read()) {
            body.append((char) c);
        }
        return body.toString();
    }

    /** The next event or comment, or null at the end of the stream. */
    public Event next() throws IOException {
        String name = null;
        StringBuilder data = null;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isEmpty()) {
                if (data != null) {
                    return new Event(name == null ? "message" : name, data.toString());
                }
                name = null;
                continue;
            }
            if (line.startsWith(":")) {
                return new Event(COMMENT, line.substring(1).strip());
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("event")) {
                name = value;
            } else if (field.equals("data")) {
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
        return null;
    }

    /** Hangs up: the connection closes without the rest of the stream being read. */
    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
