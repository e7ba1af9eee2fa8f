package dev.healthrag.answer;

import jakarta.enterprise.context.ApplicationScoped;

/** A single message is its own query: retrieval's query analysis already reads misspellings and lay words. */
@ApplicationScoped
public class VerbatimQueryRewriter implements QueryRewriter {

    @Override
    public String rewrite(AnswerRequest request) {
        return request.question();
    }
}
