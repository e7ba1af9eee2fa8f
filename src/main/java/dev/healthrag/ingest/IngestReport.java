package dev.healthrag.ingest;

import java.util.List;

/** The outcome of one ingest run, for the console summary and for tests. */
public record IngestReport(int added, int updated, int unchanged, int pruned, List<FailedFile> failed,
                           int chunksEmbedded, double embedSeconds, double totalSeconds) {

    public record FailedFile(String path, String reason) {
    }

    public double chunksPerSecond() {
        return totalSeconds == 0 ? 0 : chunksEmbedded / totalSeconds;
    }

    public String summary() {
        return String.format("added %d, updated %d, unchanged %d, pruned %d, failed %d; %d chunks embedded in %.1f s "
                        + "(%.1f chunks/s overall, %.1f chunks/s while embedding)",
                added, updated, unchanged, pruned, failed.size(), chunksEmbedded, totalSeconds, chunksPerSecond(),
                embedSeconds == 0 ? 0 : chunksEmbedded / embedSeconds);
    }
}
