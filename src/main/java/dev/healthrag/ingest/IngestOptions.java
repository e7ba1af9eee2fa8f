package dev.healthrag.ingest;

/**
 * @param prune   delete stored articles whose files are gone from the folder
 * @param reindex drop the whole index first (needed after switching the embedding model)
 */
public record IngestOptions(boolean prune, boolean reindex) {
    public static final IngestOptions DEFAULT = new IngestOptions(false, false);
}
