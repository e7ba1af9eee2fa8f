package dev.healthrag.ingest;

/**
 * An input file that cannot become an article. The message is meant for the person who
 * supplied the file: it says what is wrong and what to change.
 */
public final class InvalidArticleException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidArticleException(String reason) {
        super(reason);
    }

    public InvalidArticleException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
