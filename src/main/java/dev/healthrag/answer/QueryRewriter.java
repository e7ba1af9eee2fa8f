package dev.healthrag.answer;

/** Turns a user's message into the query retrieval runs; conversations will use it to resolve follow-ups. */
public interface QueryRewriter {

    /** @return the text to retrieve for; the message itself when there is nothing to resolve */
    String rewrite(AnswerRequest request);
}
