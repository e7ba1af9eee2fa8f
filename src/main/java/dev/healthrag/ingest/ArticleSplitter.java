package dev.healthrag.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an article into chunks for embedding: by section first (a chunk never spans two
 * unrelated sections, so its heading stays true), then by whole sentences up to a token
 * budget. Overlap repeats the previous chunk's last sentence(s) so a fact stated across a
 * boundary can still be retrieved with its context. Stateless and thread-safe.
 */
public final class ArticleSplitter {

    /** A tail chunk may grow to this multiple of maxTokens rather than stand alone as a scrap. */
    static final double TAIL_MERGE_SLACK = 1.2;

    private final int minTokens;
    private final int maxTokens;
    private final int overlapTokens;

    public ArticleSplitter(int minTokens, int maxTokens, int overlapTokens) {
        if (minTokens < 1 || maxTokens < minTokens || overlapTokens < 0 || overlapTokens >= maxTokens / 2) {
            throw new IllegalArgumentException("need 1 <= minTokens <= maxTokens and 0 <= overlapTokens < maxTokens/2, got "
                    + minTokens + ", " + maxTokens + ", " + overlapTokens);
        }
        this.minTokens = minTokens;
        this.maxTokens = maxTokens;
        this.overlapTokens = overlapTokens;
    }

    public List<ChunkDraft> split(Article article) {
        List<ChunkDraft> chunks = new ArrayList<>();
        for (Section section : mergeTinySections(article.sections())) {
            SectionChunker chunker = new SectionChunker(maxTokens, overlapTokens, minTokens / 2,
                    (int) (maxTokens * TAIL_MERGE_SLACK));
            for (String text : chunker.chunk(section.text())) {
                chunks.add(new ChunkDraft(chunks.size(), section.heading(), text,
                        embeddingText(article.title(), section.heading(), text), TokenEstimator.estimate(text)));
            }
        }
        return chunks;
    }

    /**
     * A section under minTokens/2 ("Frequency: 1 in 10,000 people.") makes a poor chunk alone,
     * so it absorbs the next section when that one is also small (under minTokens) and the
     * result fits maxTokens. The absorbed heading stays as a line so the text still says it.
     * A tiny last section has no follower, so it joins the one before it on the same terms.
     */
    List<Section> mergeTinySections(List<Section> sections) {
        List<Section> merged = new ArrayList<>();
        Section pending = null;
        for (Section next : sections) {
            if (pending != null && canAbsorb(pending, next)) {
                pending = join(pending, next);
                continue;
            }
            if (pending != null) {
                merged.add(pending);
            }
            pending = next;
        }
        if (pending != null && !merged.isEmpty() && canAbsorb(pending, merged.get(merged.size() - 1))) {
            pending = join(merged.remove(merged.size() - 1), pending);
        }
        if (pending != null) {
            merged.add(pending);
        }
        return merged;
    }

    private static Section join(Section first, Section second) {
        String heading = second.heading().isEmpty() ? "" : second.heading() + "\n\n";
        return new Section(first.heading(), first.text() + "\n\n" + heading + second.text());
    }

    private boolean canAbsorb(Section first, Section second) {
        int a = TokenEstimator.estimate(first.text());
        int b = TokenEstimator.estimate(second.text()) + TokenEstimator.estimate(second.heading());
        return a < minTokens / 2 && b < minTokens && a + b <= maxTokens;
    }

    static String embeddingText(String title, String heading, String text) {
        return heading.isEmpty() ? title + "\n\n" + text : title + "\n" + heading + "\n\n" + text;
    }
}
