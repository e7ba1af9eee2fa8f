package dev.healthrag.answer.triage;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A logistic regression over the exemplar margin ({@link Neighbours#margin()}) and the {@link FramingCue}s:
 * {@code P(emergency) = sigmoid(bias + marginWeight * margin + sum of the weights of the cues present)}.
 * It is fitted on the exemplars alone, each seen through its neighbours among the others (so it learns from how
 * an unseen message looks), with a little L2 regularisation; the decision threshold is a separate, configured
 * number calibrated on a development set.
 */
public record TriageModel(double bias, double marginWeight, double[] cueWeights) {

    private static final FramingCue[] CUES = FramingCue.values();
    private static final double L2 = 0.1;
    private static final double STEP = 0.5;
    private static final int ITERATIONS = 3000;

    /** One training row: the features of a message and whether it is an emergency. */
    public record Example(double margin, Set<FramingCue> cues, boolean emergency) {
    }

    /** The log-odds of an emergency. */
    public double logit(double margin, Set<FramingCue> cues) {
        double z = bias + marginWeight * margin;
        for (FramingCue cue : cues) {
            z += cueWeight(cue);
        }
        return z;
    }

    public double probability(double margin, Set<FramingCue> cues) {
        return 1 / (1 + Math.exp(-logit(margin, cues)));
    }

    public double cueWeight(FramingCue cue) {
        return cueWeights[cue.ordinal()];
    }

    /**
     * Fits by full-batch gradient descent on standardised features (deterministic: same examples, same model),
     * then folds the standardisation back so weights read in the features' own units.
     */
    public static TriageModel fit(List<Example> examples) {
        int n = examples.size();
        int d = 1 + CUES.length;
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            Example example = examples.get(i);
            x[i][0] = example.margin();
            for (FramingCue cue : example.cues()) {
                x[i][1 + cue.ordinal()] = 1;
            }
            y[i] = example.emergency() ? 1 : 0;
        }
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            for (double[] row : x) {
                mean[j] += row[j] / n;
            }
            for (double[] row : x) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
            // A cue no exemplar shows keeps weight 0 instead of dividing by zero.
            scale[j] = scale[j] > 0 ? Math.sqrt(scale[j]) : Double.POSITIVE_INFINITY;
        }
        double[] w = new double[d];
        double b = 0;
        double[] gradient = new double[d];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            Arrays.fill(gradient, 0);
            double biasGradient = 0;
            for (int i = 0; i < n; i++) {
                double z = b;
                for (int j = 0; j < d; j++) {
                    z += w[j] * (x[i][j] - mean[j]) / scale[j];
                }
                double error = 1 / (1 + Math.exp(-z)) - y[i];
                biasGradient += error / n;
                for (int j = 0; j < d; j++) {
                    gradient[j] += error * (x[i][j] - mean[j]) / scale[j] / n;
                }
            }
            for (int j = 0; j < d; j++) {
                w[j] -= STEP * (gradient[j] + L2 * w[j]);
            }
            b -= STEP * biasGradient;
        }
        double bias = b;
        double[] raw = new double[d];
        for (int j = 0; j < d; j++) {
            raw[j] = w[j] / scale[j];
            bias -= raw[j] * mean[j];
        }
        return new TriageModel(bias, raw[0], Arrays.copyOfRange(raw, 1, d));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(String.format("bias %.2f, margin %.1f", bias, marginWeight));
        for (FramingCue cue : CUES) {
            text.append(String.format(", %s %+.2f", cue.id(), cueWeight(cue)));
        }
        return text.toString();
    }
}
