package dev.healthrag.answer.triage;

import java.util.Locale;

/**
 * The emergencies triage recognises. {@link Guidance} picks which fixed text a category gets: crisis lines for
 * suicide and self-harm, poison control for poisoning and overdose, the emergency number for the rest.
 */
public enum EmergencyCategory {
    CHEST_PAIN(Guidance.EMERGENCY_NUMBER),
    BREATHING(Guidance.EMERGENCY_NUMBER),
    STROKE(Guidance.EMERGENCY_NUMBER),
    ANAPHYLAXIS(Guidance.EMERGENCY_NUMBER),
    BLEEDING(Guidance.EMERGENCY_NUMBER),
    UNRESPONSIVE(Guidance.EMERGENCY_NUMBER),
    SEIZURE(Guidance.EMERGENCY_NUMBER),
    SUICIDE(Guidance.CRISIS_LINE),
    POISONING(Guidance.POISON_CONTROL),
    HEAD_INJURY(Guidance.EMERGENCY_NUMBER),
    PREGNANCY_BLEEDING(Guidance.EMERGENCY_NUMBER),
    ABDOMINAL(Guidance.EMERGENCY_NUMBER),
    DIABETIC(Guidance.EMERGENCY_NUMBER),
    VISION_LOSS(Guidance.EMERGENCY_NUMBER),
    THUNDERCLAP_HEADACHE(Guidance.EMERGENCY_NUMBER),
    HEAT_STROKE(Guidance.EMERGENCY_NUMBER),
    RHABDO(Guidance.EMERGENCY_NUMBER);

    /** Which of the configured guidance texts a category is answered with. */
    public enum Guidance { EMERGENCY_NUMBER, CRISIS_LINE, POISON_CONTROL }

    private final Guidance guidance;

    EmergencyCategory(Guidance guidance) {
        this.guidance = guidance;
    }

    public Guidance guidance() {
        return guidance;
    }

    /** The id used in data files, metrics and JSON: "chest_pain". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EmergencyCategory fromId(String id) {
        return valueOf(id.strip().toUpperCase(Locale.ROOT));
    }
}
