package dev.healthrag.answer;

import dev.healthrag.HealthRagConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** The fixed safety text every response carries, on every channel; configured, never generated. */
@ApplicationScoped
public class Disclaimer {

    private final String text;

    public Disclaimer(HealthRagConfig config) {
        this.text = config.disclaimer().strip();
    }

    public String text() {
        return text;
    }
}
