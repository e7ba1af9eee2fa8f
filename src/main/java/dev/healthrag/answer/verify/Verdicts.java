package dev.healthrag.answer.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a sentence's evidence into its verdict: kept when a source quotes it or an aligned source sentence
 * passes every check and threshold; then it cites the cited sources that support it, or else the best other
 * source that does (re-cited, or cited for the first time when it had no marker).
 */
public final class Verdicts {

    private Verdicts() {
    }

    public static GroundedSentence judge(SentenceEvidence evidence, VerifierSettings settings) {
        DraftSentence sentence = evidence.sentence();
        if (evidence.quotedBy() != null) {
            return verdict(sentence, List.of(evidence.quotedBy()), true, "quoted");
        }
        List<Alignment> supporting = evidence.alignments().stream().filter(a -> a.supports(settings)).toList();
        List<Integer> citedSupporting = new ArrayList<>();
        for (int ref : evidence.cited()) {
            supporting.stream().filter(a -> a.ref() == ref).findFirst().ifPresent(a -> citedSupporting.add(ref));
        }
        if (!citedSupporting.isEmpty()) {
            Alignment first = alignment(evidence, citedSupporting.get(0)).orElseThrow();
            return verdict(sentence, citedSupporting, true, "supported by " + describe(first));
        }
        Optional<Alignment> best = supporting.stream().max(Comparator.comparingDouble(Alignment::similarity));
        if (best.isPresent()) {
            String how = evidence.cited().isEmpty() ? "supported by " : "re-cited: supported by ";
            return verdict(sentence, List.of(best.get().ref()), true, how + describe(best.get()));
        }
        return verdict(sentence, List.of(), false, whyNot(evidence, settings));
    }

    private static String whyNot(SentenceEvidence evidence, VerifierSettings settings) {
        Optional<Alignment> closest = evidence.cited().stream().map(ref -> alignment(evidence, ref))
                .flatMap(Optional::stream).findFirst()
                .or(() -> evidence.alignments().stream().max(Comparator.comparingDouble(Alignment::similarity)));
        if (closest.isEmpty()) {
            return "no source supports it";
        }
        Alignment a = closest.get();
        if (a.failure() != null) {
            return a.failure();
        }
        if (a.shared() < settings.minSharedTerms()) {
            return "no source supports it (" + a.shared() + " content word shared with source " + a.ref() + ")";
        }
        return String.format(Locale.ROOT, "no source supports it (closest: source %d, similarity %.2f, overlap %.2f)",
                a.ref(), a.similarity(), a.overlap());
    }

    private static Optional<Alignment> alignment(SentenceEvidence evidence, int ref) {
        return evidence.alignments().stream().filter(a -> a.ref() == ref).findFirst();
    }

    private static String describe(Alignment a) {
        return String.format(Locale.ROOT, "source %d (similarity %.2f)", a.ref(), a.similarity());
    }

    private static GroundedSentence verdict(DraftSentence sentence, List<Integer> refs, boolean supported,
                                            String reason) {
        return new GroundedSentence(sentence.text(), refs, supported, reason, sentence.separator());
    }
}
