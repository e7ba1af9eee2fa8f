package dev.healthrag.answer;

import dev.healthrag.retrieval.ArticleFilter;

/** What a channel asks: the user's message, how many chunks to draw on, and which articles may answer. */
public record AnswerRequest(String question, int topK, ArticleFilter filter) {

    public AnswerRequest {
        filter = filter == null ? ArticleFilter.NONE : filter;
    }
}
