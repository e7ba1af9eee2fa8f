package dev.healthrag.cli;

import dev.healthrag.ingest.IngestException;
import dev.healthrag.store.StoreException;
import dev.healthrag.store.StoreUnavailableException;

import java.io.IOException;

/**
 * The batch commands' one way of failing: a single "ERROR:" line that says what to fix, never a stack
 * trace; exit 2 for bad input files (or a bench service that cannot start), 3 when the database or the index
 * stops the run.
 */
final class CommandErrors {

    interface Work {
        int run() throws IOException, InterruptedException;
    }

    private CommandErrors() {
    }

    static int guarded(Work work) {
        try {
            return work.run();
        } catch (IOException e) {
            System.err.println("ERROR: " + e.getMessage());
            return 2;
        } catch (StoreUnavailableException | StoreException | IngestException e) {
            System.err.println("ERROR: " + e.getMessage());
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("ERROR: interrupted");
            return 1;
        }
    }
}
