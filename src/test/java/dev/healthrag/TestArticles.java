package dev.healthrag;

import dev.healthrag.ingest.IngestOptions;
import dev.healthrag.ingest.IngestReport;
import dev.healthrag.ingest.Ingestor;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/** The fixture library every HTTP test answers from; ingesting it again is a cheap no-op. */
public final class TestArticles {

    public static final Path FIXTURES = Path.of("src/test/resources/articles");

    private TestArticles() {
    }

    private static boolean indexReset;

    /**
     * The first call in a test run re-indexes from scratch, so what earlier runs left in the test database
     * (or an aborted test) cannot change what these tests see; later calls find nothing to do.
     */
    public static synchronized IngestReport ingest(Ingestor ingestor) {
        IngestReport report = ingest(ingestor, FIXTURES, new IngestOptions(false, !indexReset));
        indexReset = true;
        return report;
    }

    public static IngestReport ingest(Ingestor ingestor, Path dir, IngestOptions options) {
        return ingestor.ingest(dir, options, new PrintStream(OutputStream.nullOutputStream()));
    }
}
