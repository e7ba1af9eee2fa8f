package dev.healthrag.answer.verify;

/**
 * A draft sentence against the sentence of one source that is most like it.
 *
 * @param ref            the source's number
 * @param sourceSentence that source sentence
 * @param similarity     cosine similarity of their embeddings
 * @param overlap        share of the draft sentence's content words in the source sentence
 * @param shared         content words they share
 * @param failure        why the number, negation, modality or qualifier check failed; null when all passed
 */
public record Alignment(int ref, String sourceSentence, double similarity, double overlap, int shared,
                        String failure) {

    boolean supports(VerifierSettings settings) {
        return failure == null && shared >= settings.minSharedTerms() && overlap >= settings.minOverlap()
                && similarity >= settings.minSimilarity();
    }
}
