package dev.healthrag.ingest;

import java.io.PrintStream;
import java.time.Duration;

/** Prints articles, chunks, chunks/s and an ETA at most every two seconds. */
final class IngestProgress {

    private static final long INTERVAL_NANOS = Duration.ofSeconds(2).toNanos();

    private final PrintStream out;
    private final int totalArticles;
    private final long start = System.nanoTime();
    private long lastPrint = start;

    IngestProgress(PrintStream out, int totalArticles) {
        this.out = out;
        this.totalArticles = totalArticles;
    }

    void update(int articlesDone, int chunksDone, boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastPrint < INTERVAL_NANOS) {
            return;
        }
        lastPrint = now;
        double seconds = (now - start) / 1e9;
        double rate = seconds == 0 ? 0 : chunksDone / seconds;
        double chunksPerArticle = articlesDone == 0 ? 0 : (double) chunksDone / articlesDone;
        double remainingChunks = (totalArticles - articlesDone) * chunksPerArticle;
        String eta = rate == 0 ? "?" : formatDuration(remainingChunks / rate);
        out.printf("  %d/%d articles, %d chunks, %.1f chunks/s, ETA %s%n", articlesDone, totalArticles, chunksDone,
                rate, eta);
    }

    private static String formatDuration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : s + "s";
    }
}
