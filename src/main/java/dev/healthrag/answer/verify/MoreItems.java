package dev.healthrag.answer.verify;

import dev.healthrag.retrieval.RetrievedChunk;
import dev.healthrag.text.ListItems;

import java.util.ArrayList;
import java.util.List;

/**
 * Judges {@link ListItems#MORE} lines. Such a line claims only that the list goes on, in the source of the item
 * before it, after that item: it is kept, citing that item's source, when the item was kept and its source has
 * more text after it; otherwise it is removed, as it would point at nothing.
 */
final class MoreItems {

    private MoreItems() {
    }

    /** @param verdicts the verdicts on a draft's sentences in order, refs numbering {@code sources} from 1 */
    static List<GroundedSentence> judge(List<GroundedSentence> verdicts, List<RetrievedChunk> sources) {
        List<GroundedSentence> out = new ArrayList<>(verdicts);
        for (int i = 0; i < out.size(); i++) {
            GroundedSentence line = out.get(i);
            if (!ListItems.isMore(line.text())) {
                continue;
            }
            GroundedSentence item = i == 0 ? null : out.get(i - 1);
            boolean goesOn = item != null && item.supported() && ListItems.isItem(item.text())
                    && !ListItems.isMore(item.text()) && !item.refs().isEmpty()
                    && hasTextAfter(sources.get(item.refs().get(0) - 1).text(), item.text());
            out.set(i, goesOn
                    ? new GroundedSentence(line.text(), item.refs(), true, "the list goes on in source "
                            + item.refs().get(0), line.separator())
                    : new GroundedSentence(line.text(), List.of(), false,
                            "marks more items, but the item before it is not followed by more in its source",
                            line.separator()));
        }
        return out;
    }

    /** Whether some line of {@code source} is the item {@code item} and another line follows it. */
    private static boolean hasTextAfter(String source, String item) {
        String wanted = ClaimText.quotable(item);
        List<String> lines = source.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (ClaimText.quotable(lines.get(i)).equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
