package dev.healthrag.answer;

import java.time.Duration;

/**
 * How long each stage of one answer took, for ?debug=true; a stage that did not run is null (no retrieval for an
 * emergency, no generation when nothing relevant was found).
 */
public record StageTimings(Duration triage, Duration embed, Duration search, Duration generate, Duration verify) {

    public static final StageTimings NONE = new StageTimings(null, null, null, null, null);

    public StageTimings withGenerate(Duration took) {
        return new StageTimings(triage, embed, search, took, verify);
    }

    public StageTimings withVerify(Duration took) {
        return new StageTimings(triage, embed, search, generate, took);
    }
}
