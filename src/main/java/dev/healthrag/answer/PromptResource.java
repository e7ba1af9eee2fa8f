package dev.healthrag.answer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A prompt template bundled under {@code /prompts}, checked for the placeholders its caller fills in. */
public final class PromptResource {

    private PromptResource() {
    }

    /**
     * @throws IllegalStateException when the template is missing or lacks one of {@code placeholders}: a build
     *                               defect, reported at start-up by the bean that loads it
     */
    public static String load(String name, String... placeholders) {
        String path = "/prompts/" + name;
        try (InputStream in = PromptResource.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The bundled prompt template " + path + " is missing");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            for (String placeholder : placeholders) {
                if (!text.contains(placeholder)) {
                    throw new IllegalStateException(path + " must contain " + placeholder);
                }
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
