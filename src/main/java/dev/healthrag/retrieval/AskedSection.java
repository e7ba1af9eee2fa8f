package dev.healthrag.retrieval;

import dev.healthrag.store.ChunkHit;
import dev.healthrag.store.ChunkSearch;
import dev.healthrag.text.InnerHeadings;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gives the answer step the section that answers what the question asks of its leading article: "What is the
 * outlook for X?" is answered by X's "Outlook" section, but retrieval keeps at most a few chunks per article, and
 * those are often X's overview and treatment, which resemble the question more. When the question asks for a
 * kind of answer ({@link QuestionIntent}) that none of the leading article's chunks is headed for (by its heading,
 * or a heading inside its text where ingest merged a small section into the chunk before), and the article has a
 * chunk that is, the one nearest the question joins the sources, after the leading article's own. Two round trips
 * (the article's chunks, their texts); none when a source already answers.
 */
@ApplicationScoped
public class AskedSection {

    private final ChunkSearch search;
    private final NeighbourExpander expander;

    public AskedSection(ChunkSearch search, NeighbourExpander expander) {
        this.search = search;
        this.expander = expander;
    }

    /**
     * @param question    the question as answered (a follow-up's standalone rewrite)
     * @param sources     the chunks admitted to answer from, leading article first
     * @param queryVector the question's vector, to choose among the section's chunks
     * @return the sources, with the asked-for section's chunk after the leading article's chunks when one is added
     */
    public List<RetrievedChunk> complete(String question, List<RetrievedChunk> sources, float[] queryVector) {
        Set<QuestionIntent> intents = QuestionIntent.of(question);
        if (sources.isEmpty() || queryVector == null) {
            return sources;
        }
        RetrievedChunk leader = sources.get(0);
        List<RetrievedChunk> leadersChunks = sources.stream()
                .filter(chunk -> chunk.articleId().equals(leader.articleId())).toList();
        if (leadersChunks.stream().anyMatch(chunk -> answers(intents, chunk.heading(), chunk.text()))) {
            return sources;
        }
        List<ChunkHit> others = search.run(List.of(ChunkSearch.chunksOf(List.of(leader.articleId()), queryVector)))
                .get(0).stream()
                .filter(hit -> leadersChunks.stream().noneMatch(chunk -> chunk.chunkId().equals(hit.chunkId())))
                .sorted(Comparator.comparingDouble(ChunkHit::similarity).reversed())
                .toList();
        if (others.isEmpty()) {
            return sources;
        }
        Map<String, String> texts = search.texts(others.stream().map(ChunkHit::chunkId).toList());
        // A section headed for the asked kind first; else one that a chunk holds under a heading inside its text.
        Optional<ChunkHit> asked = others.stream()
                .filter(hit -> texts.containsKey(hit.chunkId()) && QuestionIntent.answeredBy(intents, hit.heading()))
                .findFirst()
                .or(() -> others.stream()
                        .filter(hit -> texts.containsKey(hit.chunkId())
                                && answers(intents, null, texts.get(hit.chunkId())))
                        .findFirst());
        if (asked.isEmpty()) {
            return sources;
        }
        ChunkHit hit = asked.get();
        RetrievedChunk last = leadersChunks.get(leadersChunks.size() - 1);
        RetrievedChunk section = new RetrievedChunk(hit.chunkId(), hit.articleId(), hit.position(), hit.heading(),
                texts.get(hit.chunkId()), leader.title(), leader.url(), hit.similarity(), null, null, last.score());
        List<RetrievedChunk> completed = new ArrayList<>(sources);
        completed.add(sources.indexOf(last) + 1, expander.expand(List.of(section)).get(0));
        return completed;
    }

    /** Whether a chunk's heading, or a heading inside its text ({@link InnerHeadings}), answers the question. */
    private static boolean answers(Set<QuestionIntent> intents, String heading, String text) {
        return QuestionIntent.answeredBy(intents, heading)
                || text != null && InnerHeadings.of(text).stream().anyMatch(inner -> QuestionIntent.answeredBy(intents, inner));
    }
}
