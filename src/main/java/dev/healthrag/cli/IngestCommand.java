package dev.healthrag.cli;

import dev.healthrag.ingest.IngestOptions;
import dev.healthrag.ingest.IngestReport;
import dev.healthrag.ingest.Ingestor;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;

/** {@code ingest [DIR] [--prune] [--reindex]}: exit 0 when every file went in, 1 when some failed, 2 on usage, 3 when nothing could run. */
@ApplicationScoped
public class IngestCommand {

    static final String USAGE = "usage: ingest [DIR] [--prune] [--reindex]   (DIR defaults to ingest/articles)";

    private final Ingestor ingestor;

    public IngestCommand(Ingestor ingestor) {
        this.ingestor = ingestor;
    }

    public int run(String... args) {
        Path dir = Path.of("ingest/articles");
        boolean prune = false;
        boolean reindex = false;
        for (String arg : args) {
            switch (arg) {
                case "--prune" -> prune = true;
                case "--reindex" -> reindex = true;
                default -> {
                    if (arg.startsWith("-")) {
                        System.err.println("Unknown option " + arg + "\n" + USAGE);
                        return 2;
                    }
                    dir = Path.of(arg);
                }
            }
        }
        System.out.println("Ingesting " + dir.toAbsolutePath().normalize());
        Path folder = dir;
        IngestOptions options = new IngestOptions(prune, reindex);
        return CommandErrors.guarded(() -> {
            IngestReport report = ingestor.ingest(folder, options, System.out);
            System.out.println("Done: " + report.summary());
            report.failed().forEach(f -> System.out.println("  failed: " + f.path() + ": " + f.reason()));
            report.warnings().forEach(w -> System.out.println("  warning: " + w.path() + ": " + w.message()));
            report.droppedByFile().forEach(line -> System.out.println("  dropped: " + line));
            return report.failed().isEmpty() ? 0 : 1;
        });
    }
}
