package dev.healthrag.answer.verify;

import dev.healthrag.HealthRagConfig;

/**
 * What a source sentence must share with a draft sentence to support it (after the number, negation, modality
 * and qualifier checks, which have no thresholds).
 *
 * @param minSimilarity       cosine similarity of the two sentences' embeddings
 * @param minOverlap          share of the draft sentence's content words found in the source sentence
 * @param minSharedTerms      content words they must share, whatever the share: a short sentence sharing one
 *                            word ("You need no doctor.") says too little to be checked
 * @param candidatesPerSource source sentences per source, best lexical matches first, that are embedded and
 *                            compared with a draft sentence
 */
public record VerifierSettings(double minSimilarity, double minOverlap, int minSharedTerms, int candidatesPerSource) {

    public static VerifierSettings of(HealthRagConfig.Verification config) {
        return new VerifierSettings(config.minSimilarity(), config.minOverlap(), config.minSharedTerms(),
                config.candidatesPerSource());
    }

    public VerifierSettings withThresholds(double similarity, double overlap) {
        return new VerifierSettings(similarity, overlap, minSharedTerms, candidatesPerSource);
    }
}
