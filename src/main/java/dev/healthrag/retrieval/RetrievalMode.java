package dev.healthrag.retrieval;

import java.util.Locale;

/** Which first-stage searches feed the results: both fused, or one alone (for comparison and debugging). */
public enum RetrievalMode {
    HYBRID, DENSE, LEXICAL;

    public static RetrievalMode parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mode must be one of hybrid, dense, lexical (got '" + value + "')");
        }
    }

    public boolean usesDense() {
        return this != LEXICAL;
    }

    public boolean usesLexical() {
        return this != DENSE;
    }
}
