package dev.healthrag.answer;

import dev.healthrag.answer.triage.EmergencyGuidance;
import dev.healthrag.answer.triage.TriageDecision;
import dev.healthrag.answer.verify.GroundedSentence;
import dev.healthrag.answer.verify.Markers;
import dev.healthrag.retrieval.RetrievedChunk;
import dev.healthrag.text.ListItems;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the final {@link Answer} from verified sentences: keeps the supported ones in the draft's layout,
 * renumbers their sources [1], [2]... in the order a reader meets them, lists exactly those sources, and adds
 * what code (never the model) adds: the disclaimer, and for emergencies the configured guidance.
 */
@ApplicationScoped
public class AnswerAssembler {

    static final String NO_ANSWER_TEXT = "The articles I have do not cover this question, so I cannot answer it "
            + "reliably. Please ask a doctor, pharmacist or other qualified health professional.";
    private static final int SNIPPET_LENGTH = 240;

    private final Disclaimer disclaimer;
    private final EmergencyGuidance guidance;

    public AnswerAssembler(Disclaimer disclaimer, EmergencyGuidance guidance) {
        this.disclaimer = disclaimer;
        this.guidance = guidance;
    }

    /** @param checked verdicts whose refs number {@code sources} from 1 */
    public Answer assemble(AnswerMode mode, List<GroundedSentence> checked, List<RetrievedChunk> sources,
                           TriageDecision triage, AnswerTrace trace) {
        Map<Integer, Integer> renumbered = new LinkedHashMap<>();
        StringBuilder body = new StringBuilder();
        List<GroundedSentence> grounding = new ArrayList<>(checked.size());
        for (GroundedSentence sentence : withoutOrphanedLeadIns(checked)) {
            if (!sentence.supported()) {
                grounding.add(sentence.withRefs(List.of()));
                continue;
            }
            List<Integer> refs = sentence.refs().stream()
                    .map(ref -> renumbered.computeIfAbsent(ref, key -> renumbered.size() + 1)).toList();
            if (!body.isEmpty()) {
                body.append(sentence.separator().isEmpty() ? " " : sentence.separator());
            }
            body.append(Markers.attach(sentence.text(), refs));
            grounding.add(sentence.withRefs(refs));
        }
        List<Citation> citations = new ArrayList<>();
        renumbered.forEach((original, ref) -> citations.add(citation(ref, sources.get(original - 1))));
        return new Answer(mode, body.toString(), citations, grounding, null, disclaimer.text(), triage, trace);
    }

    /**
     * The verdicts with every lead-in (a supported sentence ending in ":") whose list lost all its items to the
     * verifier turned into a removed one: "The following tests may be done:" promises what the answer no longer
     * gives.
     */
    static List<GroundedSentence> withoutOrphanedLeadIns(List<GroundedSentence> checked) {
        List<GroundedSentence> out = new ArrayList<>(checked);
        for (int i = 0; i < out.size(); i++) {
            GroundedSentence sentence = out.get(i);
            if (!sentence.supported() || !Markers.strip(sentence.text()).text().strip().endsWith(":")) {
                continue;
            }
            GroundedSentence next = null;
            for (int j = i + 1; j < out.size() && next == null; j++) {
                next = out.get(j).supported() ? out.get(j) : null;
            }
            if (next == null || !ListItems.isItem(next.text())) {
                out.set(i, new GroundedSentence(sentence.text(), List.of(), false,
                        "lead-in whose list items were all removed", sentence.separator()));
            }
        }
        return out;
    }

    public Answer noAnswer(TriageDecision triage, AnswerTrace trace) {
        return new Answer(AnswerMode.NO_ANSWER, NO_ANSWER_TEXT, List.of(), List.of(), null, disclaimer.text(), triage,
                trace);
    }

    public Answer emergency(TriageDecision triage) {
        return new Answer(AnswerMode.EMERGENCY, "", List.of(), List.of(), guidance.forCategory(triage.category()),
                disclaimer.text(), triage, AnswerTrace.NONE);
    }

    /** One source as the answer cites it; also how a stream lists its sources before the answer is known. */
    static Citation citation(int ref, RetrievedChunk source) {
        return new Citation(ref, source.articleId(), source.title(), source.url(), source.heading(),
                snippet(source.text()), Math.round(source.similarity() * 10_000) / 10_000.0);
    }

    static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= SNIPPET_LENGTH) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', SNIPPET_LENGTH);
        return flat.substring(0, cut > 0 ? cut : SNIPPET_LENGTH) + "…";
    }
}
