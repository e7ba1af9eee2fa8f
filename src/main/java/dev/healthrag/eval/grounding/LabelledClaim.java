package dev.healthrag.eval.grounding;

/**
 * One claim about a labelled source.
 *
 * @param text  the claim, one sentence
 * @param label SUPPORTED or UNSUPPORTED
 * @param type  the transformation that made it from the source (verbatim, paraphrased, number_changed, ...)
 */
public record LabelledClaim(String text, String label, String type) {

    public static final String SUPPORTED = "SUPPORTED";
    public static final String UNSUPPORTED = "UNSUPPORTED";

    public boolean supported() {
        return SUPPORTED.equals(label);
    }
}
