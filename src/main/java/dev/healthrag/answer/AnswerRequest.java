package dev.healthrag.answer;

import dev.healthrag.retrieval.ArticleFilter;

/**
 * What a channel asks: the user's message, how many chunks to draw on, which articles may answer, and the
 * conversation it belongs to: its id (null when the channel keeps no conversation, so no turn is recorded) and
 * the earlier turns that give a follow-up its context ({@link History#NONE} for a first message).
 */
public record AnswerRequest(String question, int topK, ArticleFilter filter, String conversationId,
                            History history) {

    public AnswerRequest {
        filter = filter == null ? ArticleFilter.NONE : filter;
        history = history == null ? History.NONE : history;
    }

    /** A single message outside any conversation. */
    public AnswerRequest(String question, int topK, ArticleFilter filter) {
        this(question, topK, filter, null, History.NONE);
    }

    /** Whether earlier turns exist; reads the history if it has not been read yet. */
    public boolean isFollowUp() {
        return !history.turns().isEmpty();
    }
}
