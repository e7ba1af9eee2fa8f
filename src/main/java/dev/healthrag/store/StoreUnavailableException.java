package dev.healthrag.store;

/** The database cannot be reached; the API answers 503 and the CLI prints one line, never a stack trace. */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
