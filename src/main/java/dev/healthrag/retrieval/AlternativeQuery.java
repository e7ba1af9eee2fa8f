package dev.healthrag.retrieval;

import java.util.Optional;

/**
 * A second query for a message, searched beside the message's own and fused with its ranked lists: for a
 * rambling, misspelt or lay-worded message, a short clinical search query that names what it is about.
 */
public interface AlternativeQuery {

    /**
     * @return the query to search as well, or empty when there is none (nothing configured to write one, the
     *         message is already short, or writing one failed or took too long). Never throws; may block for as
     *         long as its own deadline.
     */
    Optional<String> forMessage(String message);
}
