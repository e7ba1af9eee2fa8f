package dev.healthrag.ingest;

/** Stops a whole ingest run before it writes anything, with a message that says what to do. */
public class IngestException extends RuntimeException {
    public IngestException(String message) {
        super(message);
    }
}
