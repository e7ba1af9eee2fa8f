package dev.healthrag.conversation;

import dev.healthrag.answer.Answer;
import dev.healthrag.answer.AnswerMode;
import dev.healthrag.answer.AnswerRequest;
import dev.healthrag.answer.TurnRecorder;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Stores every answer to a request with a conversation id as that conversation's next turn. A turn that cannot
 * be stored (the database went away after the answer was made) is logged and the answer still goes out: the
 * user keeps the answer, and only a later follow-up loses this turn as context. An emergency's turn is stored
 * in the background, because emergency guidance must never wait on the database (it is given during an outage).
 */
@ApplicationScoped
public class ConversationTurnRecorder implements TurnRecorder {

    private static final Logger LOG = Logger.getLogger(ConversationTurnRecorder.class);

    /** Emergency turns waiting to be stored; beyond this many (a long outage), the newest are dropped and logged. */
    private static final int BACKGROUND_QUEUE = 256;

    private final ConversationStore store;
    private final ThreadPoolExecutor background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(BACKGROUND_QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "conversation-turns");
                thread.setDaemon(true);
                return thread;
            }, (task, executor) -> LOG.warn("Emergency turn not stored: too many waiting for the database"));

    public ConversationTurnRecorder(ConversationStore store) {
        this.store = store;
    }

    @PreDestroy
    void stop() {
        background.shutdown();
    }

    @Override
    public void record(AnswerRequest request, String query, Answer answer) {
        if (request.conversationId() == null) {
            return;
        }
        UUID id = UUID.fromString(request.conversationId());
        ConversationStore.NewTurn turn = new ConversationStore.NewTurn(request.question(), query,
                answer.body() == null ? "" : answer.body(), answer.citations().stream()
                .map(c -> new CitedSource(c.ref(), c.title(), c.url(), c.articleId())).toList(),
                answer.mode().wireName());
        if (answer.mode() == AnswerMode.EMERGENCY) {
            background.execute(() -> store(id, turn));
        } else {
            store(id, turn);
        }
    }

    private void store(UUID id, ConversationStore.NewTurn turn) {
        try {
            store.append(id, turn);
        } catch (RuntimeException e) {
            LOG.warnf("Turn of conversation %s not stored: %s", id, e.getMessage());
        }
    }
}
