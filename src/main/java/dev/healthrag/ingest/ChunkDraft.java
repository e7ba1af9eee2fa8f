package dev.healthrag.ingest;

/**
 * A piece of an article ready to be embedded and stored.
 *
 * @param position      0-based, sequential across the whole article
 * @param heading       heading of the section the chunk came from ("" for the introduction)
 * @param text          what users see when the chunk is cited
 * @param embeddingText title, heading and text: the title and heading give short chunks enough context to be found
 * @param tokenCount    estimate of word-piece tokens in {@code text} (see {@link TokenEstimator})
 */
public record ChunkDraft(int position, String heading, String text, String embeddingText, int tokenCount) {
}
