package dev.healthrag.answer.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One labelled example message: an emergency of a category, or an informational message (whose category, when it
 * names an emergency, is the topic it asks about; null for "other").
 */
public record TriageExemplar(String text, boolean emergency, EmergencyCategory category) {

    static final String RESOURCE = "/triage/exemplars.jsonl";

    /** The bundled exemplars, one JSON object a line: {"text", "label": "emergency"|"informational", "category"}. */
    public static List<TriageExemplar> bundled() {
        try (InputStream in = TriageExemplar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** Parses JSON lines (blank lines skipped); an emergency must name a known category. */
    public static List<TriageExemplar> parse(List<String> lines) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<TriageExemplar> exemplars = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = mapper.readTree(line);
            boolean emergency = "emergency".equals(node.path("label").asText());
            String category = node.path("category").asText("");
            EmergencyCategory parsed = category.isBlank() || category.equals("other") ? null
                    : EmergencyCategory.fromId(category);
            if (emergency && parsed == null) {
                throw new IOException("an emergency needs a category: " + line);
            }
            exemplars.add(new TriageExemplar(node.path("text").asText(), emergency, parsed));
        }
        return exemplars;
    }
}
