package dev.healthrag.conversation;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.answer.AnswerRequest;
import dev.healthrag.answer.History;
import dev.healthrag.answer.PriorTurn;
import dev.healthrag.retrieval.ArticleFilter;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * What a channel with server-side memory calls to ask within a conversation: the request for the pipeline, with
 * the conversation's latest turns (at most {@code healthrag.conversation.max-context-turns}) as its history. The
 * pipeline records the answer as the next turn. An id with no stored turns (new, unknown or purged) starts the
 * conversation under that id.
 */
@ApplicationScoped
public class Conversations {

    private final ConversationStore store;
    private final int maxContextTurns;

    public Conversations(ConversationStore store, HealthRagConfig config) {
        this.store = store;
        this.maxContextTurns = config.conversation().maxContextTurns();
    }

    /**
     * @param conversationId the conversation's id, already validated by the channel
     * @param question       the user's message, already validated
     */
    public AnswerRequest request(UUID conversationId, String question, int topK, ArticleFilter filter) {
        // Read when the pipeline needs it (after triage), so an emergency is answered while the database is down.
        History history = History.whenNeeded(() -> store.latestTurns(conversationId, maxContextTurns).stream()
                .map(Conversations::prior).toList());
        return new AnswerRequest(question, topK, filter, conversationId.toString(), history);
    }

    static PriorTurn prior(Turn turn) {
        return new PriorTurn(turn.question(), turn.rewrittenQuery(), turn.answerBody(),
                turn.citations().stream().map(CitedSource::title).toList());
    }
}
