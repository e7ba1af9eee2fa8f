package dev.healthrag.conversation;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.store.StoreUnavailableException;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;

/**
 * Deletes turns older than {@code healthrag.conversation.retention-days}, every
 * {@code healthrag.conversation.purge-interval}, on each instance: the delete is idempotent, so instances need
 * no coordination, and one that is down leaves the purge to the others.
 */
@Startup
@ApplicationScoped
public class ConversationPurge {

    private static final Logger LOG = Logger.getLogger(ConversationPurge.class);

    private final ConversationStore store;
    private final Duration retention;

    public ConversationPurge(ConversationStore store, HealthRagConfig config) {
        if (config.conversation().retentionDays() < 1) {
            throw new IllegalArgumentException("healthrag.conversation.retention-days must be at least 1 (got "
                    + config.conversation().retentionDays() + ")");
        }
        this.store = store;
        this.retention = Duration.ofDays(config.conversation().retentionDays());
    }

    @Scheduled(every = "${healthrag.conversation.purge-interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            ConversationStore.Purged purged = purge(Instant.now());
            if (purged.turns() > 0) {
                LOG.infof("Purged %d conversation turns and %d conversations older than %d days", purged.turns(),
                        purged.conversations(), retention.toDays());
            }
        } catch (StoreUnavailableException e) {
            LOG.warnf("Conversation purge skipped: %s", e.getMessage());
        }
    }

    /** Deletes what is older than the retention period before {@code now}. */
    public ConversationStore.Purged purge(Instant now) {
        return store.purgeBefore(now.minus(retention));
    }
}
