package dev.healthrag.answer.triage;

import dev.healthrag.HealthRagConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** The fixed text an emergency is answered with, by category: configured, never generated. */
@ApplicationScoped
public class EmergencyGuidance {

    private final HealthRagConfig.Emergency texts;

    public EmergencyGuidance(HealthRagConfig config) {
        this.texts = config.emergency();
    }

    public String forCategory(EmergencyCategory category) {
        return switch (category.guidance()) {
            case CRISIS_LINE -> texts.crisisLine().strip();
            case POISON_CONTROL -> texts.poisonControl().strip();
            case EMERGENCY_NUMBER -> texts.emergencyNumber().strip();
        };
    }
}
