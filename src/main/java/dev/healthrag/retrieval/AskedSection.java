package dev.healthrag.retrieval;

import dev.healthrag.store.ChunkHit;
import dev.healthrag.store.ChunkSearch;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Gives the answer step the section that answers what the question asks of its leading article: "What is the
 * outlook for X?" is answered by X's "Outlook" section, but retrieval keeps at most a few chunks per article, and
 * those are often X's overview and treatment, which resemble the question more. When the question asks for a
 * kind of answer ({@link QuestionIntent}) that none of the leading article's chunks is headed for, and the article
 * has a section that is, that section's chunk nearest the question joins the sources, after the leading
 * article's own. One round trip to list the article's chunks, one to read the chosen text; none when a chunk
 * already answers.
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
        if (sources.isEmpty() || intents.isEmpty() || queryVector == null) {
            return sources;
        }
        RetrievedChunk leader = sources.get(0);
        List<RetrievedChunk> leadersChunks = sources.stream()
                .filter(chunk -> chunk.articleId().equals(leader.articleId())).toList();
        if (leadersChunks.stream().anyMatch(chunk -> QuestionIntent.answeredBy(intents, chunk.heading()))) {
            return sources;
        }
        Optional<ChunkHit> asked = search.run(List.of(ChunkSearch.chunksOf(List.of(leader.articleId()), queryVector)))
                .get(0).stream()
                .filter(hit -> QuestionIntent.answeredBy(intents, hit.heading()))
                .max(Comparator.comparingDouble(ChunkHit::similarity));
        if (asked.isEmpty()) {
            return sources;
        }
        ChunkHit hit = asked.get();
        String text = search.texts(List.of(hit.chunkId())).get(hit.chunkId());
        if (text == null) {
            return sources;
        }
        RetrievedChunk last = leadersChunks.get(leadersChunks.size() - 1);
        RetrievedChunk section = new RetrievedChunk(hit.chunkId(), hit.articleId(), hit.position(), hit.heading(),
                text, leader.title(), leader.url(), hit.similarity(), null, null, last.score());
        List<RetrievedChunk> completed = new ArrayList<>(sources);
        completed.add(sources.indexOf(last) + 1, expander.expand(List.of(section)).get(0));
        return completed;
    }
}
