package dev.healthrag.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The YAML block between leading "---" lines of a Markdown file, plus the body after it.
 * Keys are matched case-insensitively with '-' treated as '_' so "Also-Called" works too.
 */
record FrontMatter(Map<String, JsonNode> fields, String body) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static FrontMatter split(String text) throws InvalidArticleException {
        String[] lines = text.split("\n", -1);
        if (!isFence(lines[0])) {
            return new FrontMatter(Map.of(), text);
        }
        int close = -1;
        for (int i = 1; i < lines.length && close < 0; i++) {
            if (isFence(lines[i]) || lines[i].strip().equals("...")) {
                close = i;
            }
        }
        if (close < 0) {
            throw new InvalidArticleException("front matter starts with '---' on line 1 but is never closed; "
                    + "add a '---' line after the last key");
        }
        String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, close));
        String body = String.join("\n", java.util.Arrays.copyOfRange(lines, close + 1, lines.length));
        return new FrontMatter(parseYaml(yaml), body);
    }

    private static boolean isFence(String line) {
        return line.strip().equals("---");
    }

    private static Map<String, JsonNode> parseYaml(String yaml) throws InvalidArticleException {
        JsonNode root;
        try {
            root = yaml.isBlank() ? null : YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            // +1 because the opening '---' is line 1 of the file.
            String where = at == null ? "" : " at line " + (at.getLineNr() + 1);
            throw new InvalidArticleException("front matter is not valid YAML" + where + " ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + "); fix the block between the '---' lines", e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Map.of();
        }
        if (!root.isObject()) {
            throw new InvalidArticleException("front matter must be 'key: value' lines, but it is a YAML "
                    + root.getNodeType().toString().toLowerCase(Locale.ROOT) + "; write e.g. 'title: My article'");
        }
        Map<String, JsonNode> fields = new HashMap<>();
        root.properties().forEach(e -> fields.put(normalizeKey(e.getKey()), e.getValue()));
        return fields;
    }

    private static String normalizeKey(String key) {
        return key.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** A scalar value as text, or null when absent or empty. */
    String text(String key) throws InvalidArticleException {
        JsonNode node = fields.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw new InvalidArticleException("front matter key '" + key + "' must be a single value, not a "
                    + (node.isArray() ? "list" : "mapping"));
        }
        String value = Text.collapse(node.asText());
        return value.isEmpty() ? null : value;
    }

    /** A YAML list, or a comma-separated string, as trimmed non-empty items. */
    List<String> list(String key) throws InvalidArticleException {
        JsonNode node = fields.get(key);
        List<String> items = new ArrayList<>();
        if (node == null || node.isNull()) {
            return items;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isValueNode()) {
                    throw new InvalidArticleException("front matter key '" + key + "' must be a list of plain values");
                }
                addIfPresent(items, item.asText());
            }
        } else if (node.isValueNode()) {
            for (String part : node.asText().split(",")) {
                addIfPresent(items, part);
            }
        } else {
            throw new InvalidArticleException("front matter key '" + key + "' must be a list or a comma-separated string");
        }
        return items;
    }

    LocalDate date(String key) throws InvalidArticleException {
        String raw = text(key);
        if (raw == null) {
            return null;
        }
        LocalDate date = Dates.parseIso(raw);
        if (date == null) {
            throw new InvalidArticleException("front matter key '" + key + "' has '" + raw
                    + "', which is not a date; use the ISO format YYYY-MM-DD (e.g. 2024-03-01)");
        }
        if (!Dates.inStoredRange(date)) {
            throw new InvalidArticleException("front matter key '" + key + "' has '" + raw + "', in the year "
                    + date.getYear() + ", outside " + Dates.FIRST_YEAR + " to " + Dates.LAST_YEAR
                    + "; use the article's real date as YYYY-MM-DD (e.g. 2024-03-01)");
        }
        return date;
    }

    private static void addIfPresent(List<String> items, String raw) {
        String v = Text.collapse(raw);
        if (!v.isEmpty()) {
            items.add(v);
        }
    }
}
