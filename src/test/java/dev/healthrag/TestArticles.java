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

    public static IngestReport ingest(Ingestor ingestor) {
        return ingest(ingestor, FIXTURES, IngestOptions.DEFAULT);
    }

    public static IngestReport ingest(Ingestor ingestor, Path dir, IngestOptions options) {
        return ingestor.ingest(dir, options, new PrintStream(OutputStream.nullOutputStream()));
    }
}
