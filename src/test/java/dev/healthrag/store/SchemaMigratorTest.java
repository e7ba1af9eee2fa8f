package dev.healthrag.store;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database that accepts connections and never answers (a host that hangs, a full backlog) is the slow way of
 * being down: each attempt waits out the login timeout. Requests that arrive meanwhile must not each queue for
 * an attempt of their own.
 */
class SchemaMigratorTest {

    @Test
    void concurrentCallersDuringAnOutageShareOneAttemptInsteadOfQueueingForOneEach() throws Exception {
        // given: a "database" that accepts connections and never says a word, counting connection attempts
        AtomicInteger attempts = new AtomicInteger();
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                        attempts.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Flyway flyway = Flyway.configure()
                    .dataSource("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/healthrag?loginTimeout=2",
                            "healthrag", "healthrag")
                    .locations("classpath:db/migration").load();
            SchemaMigrator migrator = new SchemaMigrator(flyway);

            // when: ten requests need the schema at once
            ExecutorService requests = Executors.newFixedThreadPool(10);
            List<Future<Class<?>>> outcomes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                outcomes.add(requests.submit(() -> {
                    try {
                        migrator.ensureMigrated();
                        return null;
                    } catch (RuntimeException e) {
                        return e.getClass();
                    }
                }));
            }

            // then: every one is told the database is unavailable, after one attempt, not ten in a row
            for (Future<Class<?>> outcome : outcomes) {
                assertEquals(StoreUnavailableException.class, outcome.get());
            }
            requests.shutdown();
            assertEquals(1, attempts.get(), "connection attempts made for ten concurrent callers");

            // and once the pause has passed, the next caller tries again
            Thread.sleep(SchemaMigrator.RETRY_PAUSE.toMillis() + 100);
            assertThrows(StoreUnavailableException.class, migrator::ensureMigrated);
            assertTrue(attempts.get() >= 2, "a new attempt after the pause: " + attempts.get());
            acceptor.interrupt();
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
