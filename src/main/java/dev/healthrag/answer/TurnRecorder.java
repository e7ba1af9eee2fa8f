package dev.healthrag.answer;

/**
 * Remembers a finished answer as a turn of its conversation. The pipeline calls it once per answer, whichever
 * seam settled it (an emergency or no_answer in prepare, the rest in complete), so that every channel records
 * turns the same way by using the pipeline. A request without a conversation id is not recorded.
 */
public interface TurnRecorder {

    /**
     * @param request the request as the channel made it (its conversation id and question)
     * @param query   the query retrieval ran (the rewritten follow-up), or null when nothing was retrieved
     * @param answer  the finished answer
     */
    void record(AnswerRequest request, String query, Answer answer);
}
