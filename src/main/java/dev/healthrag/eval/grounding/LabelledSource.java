package dev.healthrag.eval.grounding;

import java.util.List;

/**
 * One line of eval/grounding/labelled.jsonl: a source as a chunk would hold it, and claims labelled against it.
 *
 * @param id      stable id of the pair set
 * @param article the MedQuAD article the source comes from
 * @param title   that article's title (the verifier sees it as the chunk's title)
 * @param heading the section heading
 * @param split   calibration or test; all sources of one article fall in the same half
 */
public record LabelledSource(String id, String article, String title, String heading, String source, String split,
                             List<LabelledClaim> claims) {

    public static final String CALIBRATION = "calibration";
    public static final String TEST = "test";

    public LabelledSource {
        claims = List.copyOf(claims);
    }
}
