package dev.healthrag.eval.grounding;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healthrag.answer.verify.AlignedSourceVerifier;
import dev.healthrag.answer.verify.DraftSentence;
import dev.healthrag.answer.verify.SentenceEvidence;
import dev.healthrag.answer.verify.Verdicts;
import dev.healthrag.answer.verify.VerifierSettings;
import dev.healthrag.retrieval.RetrievedChunk;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the verifier over labelled sources (each source's claims as one draft citing it, as one answer would)
 * and scores its verdicts, for the report, the threshold calibration and the regression test.
 */
public final class GroundingEvaluation {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A claim with the verifier's evidence on it. */
    public record Judged(LabelledSource source, LabelledClaim claim, SentenceEvidence evidence) {
    }

    /** The evidence, and the time it took per source (ms), in source order. */
    public record Run(List<Judged> judged, List<Double> millisPerSource) {
    }

    private GroundingEvaluation() {
    }

    public static List<LabelledSource> read(Path file) throws IOException {
        List<LabelledSource> sources = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                sources.add(JSON.readValue(line, LabelledSource.class));
            }
        }
        return sources;
    }

    public static void write(Path file, List<LabelledSource> sources) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (LabelledSource source : sources) {
                out.write(JSON.writeValueAsString(source));
                out.write('\n');
            }
        }
    }

    public static List<LabelledSource> split(List<LabelledSource> sources, String split) {
        return sources.stream().filter(s -> s.split().equals(split)).toList();
    }

    public static Run run(AlignedSourceVerifier verifier, List<LabelledSource> sources) {
        List<Judged> judged = new ArrayList<>();
        List<Double> millis = new ArrayList<>();
        for (LabelledSource source : sources) {
            RetrievedChunk chunk = new RetrievedChunk(source.id(), source.article(), 0, source.heading(),
                    source.source(), source.title(), "", 1.0, null, null, 1.0);
            List<DraftSentence> draft = source.claims().stream()
                    .map(claim -> new DraftSentence(claim.text(), List.of(1), " ")).toList();
            long start = System.nanoTime();
            List<SentenceEvidence> evidence = verifier.evidence(draft, List.of(chunk));
            millis.add((System.nanoTime() - start) / 1e6);
            for (int i = 0; i < draft.size(); i++) {
                judged.add(new Judged(source, source.claims().get(i), evidence.get(i)));
            }
        }
        return new Run(judged, millis);
    }

    public static GroundingReport report(List<Judged> judged, VerifierSettings settings) {
        Rate removed = new Rate(0, 0);
        Rate kept = new Rate(0, 0);
        Map<String, Rate> byType = new TreeMap<>();
        for (Judged j : judged) {
            boolean keptIt = Verdicts.judge(j.evidence(), settings).supported();
            boolean right = keptIt == j.claim().supported();
            if (j.claim().supported()) {
                kept = kept.plus(right);
            } else {
                removed = removed.plus(right);
            }
            byType.merge(j.claim().type(), new Rate(right ? 1 : 0, 1),
                    (a, b) -> new Rate(a.hits() + b.hits(), a.total() + b.total()));
        }
        return new GroundingReport(removed, kept, byType);
    }

    /**
     * The similarity and overlap thresholds that judge the most claims right (removed share plus kept share) while
     * meeting both targets; of the settings within {@code slack} of that best sum, the strictest, since keeping
     * an unsupported sentence costs more than dropping a supported one (the answer falls back to extractive).
     * When no setting meets both targets, the best sum is taken over all of them.
     */
    public static VerifierSettings calibrate(List<Judged> judged, VerifierSettings base, double targetRemoved,
                                             double targetKept, double slack) {
        List<VerifierSettings> grid = new ArrayList<>();
        List<Double> sums = new ArrayList<>();
        List<Boolean> meets = new ArrayList<>();
        for (int o = 0; o <= 90; o += 5) {
            for (int s = 50; s <= 98; s++) {
                VerifierSettings candidate = base.withThresholds(s / 100.0, o / 100.0);
                GroundingReport report = report(judged, candidate);
                double removed = report.unsupportedRemoved().share();
                double kept = report.supportedKept().share();
                grid.add(candidate);
                sums.add(removed + kept);
                meets.add(removed >= targetRemoved && kept >= targetKept);
            }
        }
        boolean anyMeets = meets.contains(true);
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < grid.size(); i++) {
            if (meets.get(i) || !anyMeets) {
                best = Math.max(best, sums.get(i));
            }
        }
        VerifierSettings chosen = base;
        double strictness = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < grid.size(); i++) {
            VerifierSettings candidate = grid.get(i);
            double strict = candidate.minSimilarity() + candidate.minOverlap();
            if ((meets.get(i) || !anyMeets) && sums.get(i) >= best - slack && strict > strictness) {
                chosen = candidate;
                strictness = strict;
            }
        }
        return chosen;
    }

    /** Share removed and kept at each threshold pair, for the curve the calibration prints. */
    public static List<String> curve(List<Judged> judged, VerifierSettings base) {
        List<String> rows = new ArrayList<>();
        for (int o = 0; o <= 60; o += 20) {
            StringBuilder row = new StringBuilder(String.format(java.util.Locale.ROOT, "| %.2f |", o / 100.0));
            for (int s = 70; s <= 95; s += 5) {
                GroundingReport report = report(judged, base.withThresholds(s / 100.0, o / 100.0));
                row.append(String.format(java.util.Locale.ROOT, " %.3f / %.3f |", report.unsupportedRemoved().share(),
                        report.supportedKept().share()));
            }
            rows.add(row.toString());
        }
        return rows;
    }
}
