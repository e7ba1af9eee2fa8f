package dev.healthrag.api;

import dev.healthrag.store.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What the API has seen of the database being down, so that searches during an outage get their 503 at once.
 * Finding the database gone takes seconds (the pool's acquisition timeout) and the schema check in front of
 * retrieval lets one request at a time try, so without this, concurrent searches queue and are refused one after
 * another. While the database is known to be down, one search at a time is let through to find out whether it is
 * back; the others are refused immediately. A search that reaches the database, or a readiness check that
 * does, ends the outage.
 * <p>
 * /api/chat is not gated: an emergency question is answered without the database, and must be during an outage.
 */
@ApplicationScoped
public class DatabaseOutage {

    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicBoolean probing = new AtomicBoolean();

    /** Refused while another request checks whether the database is back; the API answers 503, logged quietly. */
    public static final class Refused extends StoreUnavailableException {
        Refused() {
            super("The database is down; another request is checking whether it is back.", null);
        }
    }

    /** Runs work that needs the database, or refuses it at once during an outage another request is probing. */
    public <T> T guard(Supplier<T> work) {
        boolean probe = false;
        if (down.get()) {
            if (!probing.compareAndSet(false, true)) {
                throw new Refused();
            }
            probe = true;
        }
        try {
            T result = work.get();
            down.set(false);
            return result;
        } catch (StoreUnavailableException e) {
            down.set(true);
            throw e;
        } finally {
            if (probe) {
                probing.set(false);
            }
        }
    }

    /** Records what a request that is not guarded (a chat, start-up, readiness) found. */
    public void observed(boolean available) {
        down.set(!available);
    }
}
