package dev.healthrag.store;

/** A database operation failed for a reason other than reachability. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
