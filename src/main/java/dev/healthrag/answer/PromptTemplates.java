package dev.healthrag.answer;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.retrieval.RetrievedChunk;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Builds the model's messages from two templates, {@code system.txt} ({{not_covered}}) and {@code user.txt}
 * ({{sources}}, {{question}}): the bundled ones, or those in healthrag.prompt.directory. Sources are numbered
 * and fenced as data in code, not in the templates, because the fence is what keeps article text (scraped from
 * the web) and the question from posing as instructions or as another source.
 */
// Loaded at start-up: a wrong template folder stops the service with the file to fix, not every chat later.
@Startup
@ApplicationScoped
public class PromptTemplates {

    /** What the model replies when the sources do not answer; the verifier removes it, never a reader. */
    public static final String NOT_COVERED = "[[NOT_COVERED]]";

    private final String system;
    private final String user;

    @Inject
    public PromptTemplates(HealthRagConfig config) {
        this(config.prompt().directory());
    }

    /** @param directory a folder with system.txt and user.txt, or empty for the bundled templates */
    PromptTemplates(Optional<Path> directory) {
        this.system = load(directory, "system.txt").replace("{{not_covered}}", NOT_COVERED);
        this.user = load(directory, "user.txt");
        if (!user.contains("{{sources}}") || !user.contains("{{question}}")) {
            throw new IllegalStateException("The user prompt template must contain {{sources}} and {{question}}"
                    + directory.map(d -> " (" + d.resolve("user.txt") + ")").orElse(""));
        }
    }

    public Prompt build(String question, List<RetrievedChunk> sources) {
        StringBuilder fenced = new StringBuilder();
        for (int i = 0; i < sources.size(); i++) {
            RetrievedChunk source = sources.get(i);
            fenced.append("<source id=\"").append(i + 1).append("\" title=\"").append(attribute(source.title()))
                    .append("\" section=\"").append(attribute(source.heading())).append("\">\n")
                    .append(unfenced(source.text())).append("\n</source>\n\n");
        }
        // One pass over the template, so a question or article containing "{{question}}" is not expanded.
        String userMessage = user.replace("{{question}}", "\u0000q").replace("{{sources}}", fenced.toString())
                .replace("\u0000q", unfenced(question.strip()));
        return new Prompt(system, userMessage);
    }

    /** Text that could close a source or open a fake one cannot, wherever it comes from. */
    static String unfenced(String text) {
        return text.replaceAll("(?i)</?\\s*source[^>]*>", "").replace(NOT_COVERED, "");
    }

    private static String attribute(String value) {
        return value == null ? "" : value.replace("\"", "'").replace("<", "(").replace(">", ")");
    }

    private static String load(Optional<Path> directory, String name) {
        if (directory.isPresent()) {
            Path file = directory.get().resolve(name);
            try {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the prompt template " + file
                        + " (healthrag.prompt.directory): " + e.getMessage(), e);
            }
        }
        try (InputStream in = PromptTemplates.class.getResourceAsStream("/prompts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The bundled prompt template /prompts/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
