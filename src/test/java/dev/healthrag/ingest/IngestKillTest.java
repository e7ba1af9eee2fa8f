package dev.healthrag.ingest;

import dev.healthrag.TestArticles;
import dev.healthrag.store.ArticleStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An ingest killed with SIGKILL mid-run, then run again: while either runs, a second connection never sees an
 * article with only part of its chunks, and the re-run ends in exactly the state of one clean run. The killed
 * ingest runs in a JVM of its own ({@link ChildIngest}) on the test class path; the re-run and the clean run
 * are this JVM's Ingestor.
 */
@QuarkusTest
class IngestKillTest {

    /** Articles of three sections each, so every article is several chunks written in one transaction. */
    private static final int ARTICLES = 40;

    @Inject
    Ingestor ingestor;

    @Inject
    ArticleStore store;

    @TempDir
    Path dir;

    private final String prefix = "kill-" + Long.toString(System.nanoTime(), 36);
    private final List<String> ids = new ArrayList<>();

    @AfterEach
    void removeThisTestsArticles() {
        store.delete(ids);
    }

    /** One chunk's identity and content, and its article's content hash. */
    private record StoredChunkState(String contentHash, int position, String heading, String textMd5, int tokens) {
    }

    @Test
    @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aKilledIngestLeavesOnlyWholeArticlesAndTheReRunEqualsACleanRun() throws Exception {
        // given: the folder, and each article's chunk count as the splitter makes it
        Map<String, Integer> expectedChunks = writeArticles();
        Poller poller = new Poller(expectedChunks);
        Thread polling = new Thread(poller, "partial-article-poller");
        polling.start();

        // when: the ingest is killed once some articles are in, then run again
        Process child = startChildIngest();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (poller.articlesSeen.get() < 3 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no rollback by the client
        child.waitFor(30, TimeUnit.SECONDS);
        int writtenBeforeKill = countOurArticles();
        IngestReport rerun = TestArticles.ingest(ingestor, dir, IngestOptions.DEFAULT);
        poller.stop.set(true);
        polling.join();
        Map<String, List<StoredChunkState>> afterRerun = snapshot();

        store.delete(ids);
        IngestReport clean = TestArticles.ingest(ingestor, dir, IngestOptions.DEFAULT);
        Map<String, List<StoredChunkState>> afterClean = snapshot();

        // then
        assertEquals(137, child.exitValue(), "killed by SIGKILL (128 + 9), not finished: " + log());
        assertTrue(writtenBeforeKill > 0 && writtenBeforeKill < ARTICLES,
                "killed mid-run: " + writtenBeforeKill + " of " + ARTICLES + " articles were in");
        assertEquals(List.of(), poller.violations, "a second connection saw an article with part of its chunks");
        assertTrue(poller.polls.get() > 10, "the poller ran during both ingests: " + poller.polls.get() + " polls");
        assertEquals(writtenBeforeKill, rerun.unchanged(), "what the killed run wrote is complete, so unchanged");
        assertEquals(ARTICLES - writtenBeforeKill, rerun.added());
        assertEquals(ARTICLES, clean.added());
        assertEquals(ARTICLES, afterRerun.size());
        assertEquals(afterClean, afterRerun, "the re-run converges to the state of one clean run");
        System.out.printf("kill-and-resume: killed after %d of %d articles; %d polls saw no partial article; "
                        + "re-run added %d, unchanged %d; %d chunks, same as a clean run%n", writtenBeforeKill, ARTICLES,
                poller.polls.get(), rerun.added(), rerun.unchanged(),
                afterRerun.values().stream().mapToInt(List::size).sum());
    }

    private Map<String, Integer> writeArticles() throws IOException {
        ArticleParser parser = new ArticleParser();
        ArticleSplitter splitter = new ArticleSplitter(200, 350, 40);
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < ARTICLES; i++) {
            String id = prefix + "-" + i;
            ids.add(id);
            StringBuilder text = new StringBuilder("---\nid: " + id + "\n---\n# Topic " + i + "\n\n");
            for (String section : List.of("Causes", "Symptoms", "Treatment")) {
                text.append("## ").append(section).append("\n\n");
                for (int s = 0; s < 9; s++) {
                    text.append("Sentence ").append(s).append(" of ").append(section.toLowerCase())
                            .append(" in topic ").append(i).append(" says rest, fluids and time help most people. ");
                }
                text.append("\n\n");
            }
            Path file = Files.writeString(dir.resolve(id + ".md"), text);
            try {
                expected.put(id, splitter.split(parser.parse(file, id)).size());
            } catch (InvalidArticleException e) {
                throw new IllegalStateException(e);
            }
        }
        assertTrue(expected.values().stream().allMatch(n -> n >= 3), "several chunks per article: " + expected);
        return expected;
    }

    private Process startChildIngest() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", classPath, ChildIngest.class.getName(),
                jdbcUrl(), user(), password(), dir.toString());
        builder.redirectErrorStream(true).redirectOutput(dir.resolve(".child.log").toFile());
        return builder.start();
    }

    private String log() {
        try {
            return Files.readString(dir.resolve(".child.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private int countOurArticles() throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM articles WHERE id LIKE ?")) {
            s.setString(1, prefix + "-%");
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private Map<String, List<StoredChunkState>> snapshot() throws SQLException {
        Map<String, List<StoredChunkState>> state = new TreeMap<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
                SELECT a.id, a.content_hash, c.position, c.heading, md5(c.text), c.token_count
                FROM articles a JOIN chunks c ON c.article_id = a.id WHERE a.id LIKE ? ORDER BY a.id, c.position""")) {
            s.setString(1, prefix + "-%");
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    state.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(new StoredChunkState(
                            rows.getString(2), rows.getInt(3), rows.getString(4), rows.getString(5), rows.getInt(6)));
                }
            }
        }
        return state;
    }

    /**
     * Polls from its own connection: every article of this test that is visible at all must have exactly the
     * chunks the splitter makes for it, at positions 0..n-1. One statement reads one snapshot, so a row and its
     * chunk count are never from two moments.
     */
    private final class Poller implements Runnable {
        final Map<String, Integer> expected;
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger polls = new AtomicInteger();
        final AtomicInteger articlesSeen = new AtomicInteger();
        final List<String> violations = Collections.synchronizedList(new ArrayList<>());

        Poller(Map<String, Integer> expected) {
            this.expected = expected;
        }

        @Override
        public void run() {
            try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
                    SELECT a.id, count(c.id), coalesce(max(c.position), -1) FROM articles a
                    LEFT JOIN chunks c ON c.article_id = a.id WHERE a.id LIKE ? GROUP BY a.id""")) {
                s.setString(1, prefix + "-%");
                while (!stop.get()) {
                    int seen = 0;
                    try (ResultSet rows = s.executeQuery()) {
                        while (rows.next()) {
                            seen++;
                            String id = rows.getString(1);
                            int chunks = rows.getInt(2);
                            int last = rows.getInt(3);
                            if (chunks != expected.get(id) || last != chunks - 1) {
                                violations.add(id + ": " + chunks + " chunks (last position " + last + "), expected "
                                        + expected.get(id));
                            }
                        }
                    }
                    articlesSeen.set(seen);
                    polls.incrementAndGet();
                    Thread.sleep(10);
                }
            } catch (SQLException | InterruptedException e) {
                violations.add("poller failed: " + e);
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), password());
    }

    private static String jdbcUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    private static String user() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
    }

    private static String password() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.password", String.class);
    }
}
