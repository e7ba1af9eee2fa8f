package dev.healthrag.answer;

/**
 * Turns a user's message into the query retrieval runs. A message without history is its own query; a
 * follow-up ("and how long does it last?") becomes a standalone query that names what it refers to.
 */
public interface QueryRewriter {

    /** @return the text to retrieve for; the message itself when there is nothing to resolve. Never throws. */
    String rewrite(AnswerRequest request);
}
