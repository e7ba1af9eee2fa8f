package dev.healthrag.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one ingest run, for the console summary and for tests.
 *
 * @param failed   files that did not go in, each with what to fix; the rest of the folder went in regardless
 * @param dropped  text left out of the index because it addressed an AI or was hidden, per file. Listed on
 *                 every run for every file that still holds such text, stored anew or unchanged, because the
 *                 file still holds it and its source may need a look.
 * @param warnings files that went in without something they asked for (say, a citation URL that is not
 *                 http or https); like {@code dropped}, listed on every run while the file still says it
 */
public record IngestReport(int added, int updated, int unchanged, int pruned, List<FailedFile> failed,
                           List<Dropped> dropped, List<Warning> warnings, int chunksEmbedded, double embedSeconds,
                           double totalSeconds) {

    /** A file that is not in the index, by its path relative to the ingested folder. */
    public record FailedFile(String path, String reason) {
    }

    /** A file that is in the index, but not quite as written; {@code message} says what was left out and why. */
    public record Warning(String path, String message) {
    }

    /** {@code count} passages (or, for invisible characters, characters) of one file left out for {@code reason}. */
    public record Dropped(String path, DropReason reason, int count) {
    }

    public IngestReport {
        failed = List.copyOf(failed);
        dropped = List.copyOf(dropped);
        warnings = List.copyOf(warnings);
    }

    /** A run that dropped nothing; the shape the report had before it listed dropped text. */
    public IngestReport(int added, int updated, int unchanged, int pruned, List<FailedFile> failed,
                        int chunksEmbedded, double embedSeconds, double totalSeconds) {
        this(added, updated, unchanged, pruned, failed, List.of(), List.of(), chunksEmbedded, embedSeconds,
                totalSeconds);
    }

    public double chunksPerSecond() {
        return totalSeconds == 0 ? 0 : chunksEmbedded / totalSeconds;
    }

    /** How many of {@code reason} were dropped over all files. */
    public int droppedTotal(DropReason reason) {
        return dropped.stream().filter(d -> d.reason() == reason).mapToInt(Dropped::count).sum();
    }

    /** One "path: 1 passage addressed to an AI, 2 hidden passages" line per file, in the order files were read. */
    public List<String> droppedByFile() {
        Map<String, Map<DropReason, Integer>> byPath = new LinkedHashMap<>();
        for (Dropped d : dropped) {
            byPath.computeIfAbsent(d.path(), p -> new EnumMap<>(DropReason.class)).merge(d.reason(), d.count(), Integer::sum);
        }
        List<String> lines = new ArrayList<>();
        byPath.forEach((path, counts) -> lines.add(path + ": " + describe(counts)));
        return lines;
    }

    /** "1 passage addressed to an AI, 3 invisible characters", reasons in declaration order. */
    static String describe(Map<DropReason, Integer> counts) {
        List<String> parts = new ArrayList<>();
        for (DropReason reason : DropReason.values()) {
            int n = counts.getOrDefault(reason, 0);
            if (n > 0) {
                parts.add(reason.describe(n));
            }
        }
        return String.join(", ", parts);
    }

    public String summary() {
        long files = dropped.stream().map(Dropped::path).distinct().count();
        String drops = files == 0 ? "nothing dropped as addressed to an AI or hidden"
                : String.format("dropped %s, %s and %s from %d file%s",
                        DropReason.ADDRESSED_TO_AI.describe(droppedTotal(DropReason.ADDRESSED_TO_AI)),
                        DropReason.HIDDEN.describe(droppedTotal(DropReason.HIDDEN)),
                        DropReason.INVISIBLE_CHARACTERS.describe(droppedTotal(DropReason.INVISIBLE_CHARACTERS)),
                        files, files == 1 ? "" : "s");
        return String.format("added %d, updated %d, unchanged %d, pruned %d, failed %d; %s; %d chunks embedded in "
                        + "%.1f s (%.1f chunks/s overall, %.1f chunks/s while embedding)",
                added, updated, unchanged, pruned, failed.size(), drops, chunksEmbedded, totalSeconds,
                chunksPerSecond(), embedSeconds == 0 ? 0 : chunksEmbedded / embedSeconds);
    }
}
