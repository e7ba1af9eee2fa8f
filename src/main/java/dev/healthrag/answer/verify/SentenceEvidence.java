package dev.healthrag.answer.verify;

import java.util.List;

/**
 * Everything the thresholds are applied to for one draft sentence, so that calibration can try many thresholds
 * on one embedding pass.
 *
 * @param sentence   the draft sentence
 * @param cited      its markers that name a source (others are ignored)
 * @param quotedBy   the source that quotes it verbatim, or null
 * @param alignments per source with a candidate sentence, its best-aligned one, in source order
 */
public record SentenceEvidence(DraftSentence sentence, List<Integer> cited, Integer quotedBy,
                               List<Alignment> alignments) {

    public SentenceEvidence {
        cited = List.copyOf(cited);
        alignments = List.copyOf(alignments);
    }
}
