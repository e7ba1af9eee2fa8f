package dev.healthrag.retrieval;

import dev.healthrag.store.ChunkSearch;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * Gives the answer step whole passages: a chunk cut at the size budget in mid-section gets the rest of
 * its section's next chunk appended, without the sentences the two chunks share as overlap.
 */
@ApplicationScoped
public class NeighbourExpander {

    private final ChunkSearch search;

    public NeighbourExpander(ChunkSearch search) {
        this.search = search;
    }

    public List<RetrievedChunk> expand(List<RetrievedChunk> chunks) {
        if (chunks.isEmpty()) {
            return chunks;
        }
        Map<String, String> next = search.continuations(chunks.stream().map(RetrievedChunk::chunkId).toList());
        return chunks.stream()
                .map(chunk -> next.containsKey(chunk.chunkId())
                        ? chunk.withText(join(chunk.text(), next.get(chunk.chunkId())))
                        : chunk)
                .toList();
    }

    /** Appends {@code following} minus its longest prefix that {@code text} already ends with (the overlap). */
    static String join(String text, String following) {
        String end = text.strip();
        String start = following.strip();
        for (int length = Math.min(end.length(), start.length()); length > 0; length--) {
            if (end.endsWith(start.substring(0, length)) && (length == start.length()
                    || Character.isWhitespace(start.charAt(length)))) {
                return (end + " " + start.substring(length).strip()).strip();
            }
        }
        return end + " " + start;
    }
}
