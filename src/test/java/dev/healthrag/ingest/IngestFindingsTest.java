package dev.healthrag.ingest;

import dev.healthrag.TestArticles;
import dev.healthrag.store.ArticleStore;
import dev.healthrag.store.Database;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13's ingest findings, each as it was reproduced: one hostile file among valid ones. Every one of
 * them used to abort the run, or got in unchecked; now the file is reported by path with what to fix and
 * the rest of the folder is ingested.
 */
@QuarkusTest
class IngestFindingsTest {

    @Inject
    Ingestor ingestor;

    @Inject
    ArticleStore store;

    @Inject
    Database database;

    @TempDir
    Path dir;

    @TempDir
    Path outside;

    private final String prefix = "finding-" + Long.toString(System.nanoTime(), 36);
    private final List<String> createdIds = new ArrayList<>();

    @AfterEach
    void removeThisTestsArticles() {
        store.delete(createdIds);
    }

    @Test
    void deeplyNestedHtmlFailsOnlyItsFile() throws IOException {
        // given: 2,000 nested <div>s (a StackOverflowError in the content walker) before a valid file
        String deep = "<div>".repeat(2000) + "Deep text about gout and uric acid crystals in the joints."
                + "</div>".repeat(2000);
        write("a-deep.html", "<html><head><title>Deep</title></head><body>" + deep + "</body></html>");
        write("b-good.md", article("Good", "Ice and rest help a sprained ankle heal."));

        // when
        IngestReport report = ingest();

        // then: the page is refused with what to fix (browsers nest no deeper than 512 either), the rest goes in
        String reason = reasons(report).get(prefix + "-a-deep.html");
        assertTrue(reason != null && reason.contains("nested 2003 deep"), reasons(report).toString());
        assertEquals(1, report.added());
    }

    @Test
    void aDateOutsideWhatTheDatabaseStoresFailsOnlyItsFile() throws IOException {
        // given: years PostgreSQL's date type cannot hold, ahead of a valid file
        write("a-ancient.md", "---\npublished: -4714-01-01\n---\n" + article("Ancient", "Some text about water."));
        write("b-far.md", "---\npublished: +999999999-12-31\n---\n" + article("Far", "Some text about sleep."));
        write("c-good.md", article("Good", "Ice and rest help a sprained ankle heal."));

        // when
        IngestReport report = ingest();

        // then
        Map<String, String> reasons = reasons(report);
        assertEquals(List.of("a-ancient.md", "b-far.md"), List.copyOf(new java.util.TreeSet<>(reasons.keySet())));
        assertTrue(reasons.get("a-ancient.md").contains("'published'"), reasons.get("a-ancient.md"));
        assertTrue(reasons.get("a-ancient.md").contains("YYYY-MM-DD"), reasons.get("a-ancient.md"));
        assertEquals(1, report.added());
    }

    @Test
    void symbolicLinksOutOfTheFolderAndLoopsAreRefusedAndReported() throws IOException {
        // given: a link to a file outside the folder (think /etc/passwd), a loop, and a link within the folder
        String secret = "zyqsecret" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "q");
        Path target = Files.writeString(outside.resolve("secret.txt"), "Secret\n\nThe password is " + secret + ".\n");
        Files.createSymbolicLink(dir.resolve("x.txt"), target);
        Files.createSymbolicLink(dir.resolve("loop-a.md"), dir.resolve("loop-b.md"));
        Files.createSymbolicLink(dir.resolve("loop-b.md"), dir.resolve("loop-a.md"));
        Files.createDirectories(dir.resolve("shared"));
        write("shared/good.md", article("Good", "Ice and rest help a sprained ankle heal."));
        Files.createSymbolicLink(dir.resolve("also-good.md"), Path.of("shared/good.md"));

        // when
        IngestReport report = ingest();

        // then
        Map<String, String> reasons = reasons(report);
        assertEquals(3, reasons.size(), reasons.toString());
        assertTrue(reasons.get("x.txt").contains("outside"), reasons.get("x.txt"));
        assertTrue(reasons.get("loop-a.md").contains("loop"), reasons.get("loop-a.md"));
        assertTrue(reasons.get("loop-b.md").contains("loop"), reasons.get("loop-b.md"));
        assertEquals(0L, count("SELECT count(*) FROM chunks WHERE text LIKE '%" + secret + "%'"));
        assertEquals(1, report.added(), "the link within the folder is read; its target is the same article");
    }

    @Test
    // Before the limit this file took 7.5 minutes to embed; a separate thread lets the timeout end the test.
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws IOException {
        // given: 20 MB of Markdown prose, every paragraph different so none is dropped as a repeat
        Path big = dir.resolve("a-big.md");
        try (Writer out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            out.write("# Big\n\n");
            for (long i = 0; Files.size(big) < 20L * 1024 * 1024; i++) {
                for (int k = 0; k < 1000; k++) {
                    out.write("Paragraph " + i + "-" + k + ": drinking water through the day keeps the kidneys "
                            + "working and helps prevent stones.\n\n");
                }
                out.flush();
            }
        }
        write("b-good.md", article("Good", "Ice and rest help a sprained ankle heal."));

        // when
        IngestReport report = ingest();

        // then
        String reason = reasons(report).get("a-big.md");
        assertTrue(reason != null && reason.contains("healthrag.ingest.max-file-bytes"), String.valueOf(reason));
        assertEquals(1, report.added());
    }

    @Test
    // Before the limit its 3,000-odd chunks took minutes to embed.
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anArticleCutIntoMoreChunksThanTheLimitIsRefused() throws IOException {
        // given: 4 MB, under the size limit, yet over 500 chunks; every sentence different so none is deduplicated
        StringBuilder text = new StringBuilder("# Long\n\n");
        for (int i = 0; text.length() < 4_000_000; i++) {
            text.append("Paragraph ").append(i).append(" says that water helps the kidneys clear waste number ")
                    .append(i).append(". ").append(i % 7 == 0 ? "\n\n" : "");
        }
        write("a-long.md", text.toString());
        write("b-good.md", article("Good", "Ice and rest help a sprained ankle heal."));

        // when
        IngestReport report = ingest();

        // then
        String reason = reasons(report).get("a-long.md");
        assertTrue(reason != null && reason.contains("healthrag.ingest.max-chunks-per-article"), String.valueOf(reason));
        assertEquals(1, report.added());
    }

    @Test
    void aCitationUrlThatIsNotHttpIsDroppedWithAWarningAndTheArticleKept() throws IOException {
        // given
        write("a-script.md", "---\nurl: 'javascript:alert(1)'\n---\n" + article("Script", "Text about gout."));
        write("b-good.md", "---\nurl: https://example.org/good\n---\n" + article("Good", "Text about sprains."));

        // when
        IngestReport report = ingest();

        // then
        assertEquals(2, report.added());
        assertEquals("", url(prefix + "-a-script"));
        assertEquals("https://example.org/good", url(prefix + "-b-good"));
        assertEquals(1, report.warnings().size(), report.warnings().toString());
        IngestReport.Warning warning = report.warnings().get(0);
        assertEquals("a-script.md", warning.path());
        assertTrue(warning.message().contains("javascript:alert(1)") && warning.message().contains("http"),
                warning.message());
    }

    private IngestReport ingest() {
        return TestArticles.ingest(ingestor, dir, IngestOptions.DEFAULT);
    }

    /** Ids of this test's files are "prefix-name" (front matter id), so they never meet other tests' articles. */
    private void write(String name, String content) throws IOException {
        String id = prefix + "-" + name.replaceFirst("\\.[^.]+$", "").replace('/', '-');
        createdIds.add(id);
        String withId = name.endsWith(".md") ? content.startsWith("---\n")
                ? "---\nid: " + id + "\n" + content.substring(4) : "---\nid: " + id + "\n---\n" + content : content;
        Path file = dir.resolve(name);
        Files.writeString(file, withId);
        if (!name.endsWith(".md")) {
            // other formats take their id from the path
            Files.move(file, dir.resolve(prefix + "-" + name));
        }
    }

    private static String article(String title, String sentence) {
        return "# " + title + "\n\n" + sentence + " It is one paragraph of a test article, long enough to stand.\n";
    }

    private static Map<String, String> reasons(IngestReport report) {
        return report.failed().stream()
                .collect(Collectors.toMap(IngestReport.FailedFile::path, IngestReport.FailedFile::reason));
    }

    private String chunkText(String articleId) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT string_agg(text, ' ') FROM chunks WHERE article_id = ?")) {
                statement.setString(1, articleId);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return String.valueOf(rows.getString(1));
                }
            }
        });
    }

    private String url(String articleId) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement("SELECT url FROM articles WHERE id = ?")) {
                statement.setString(1, articleId);
                try (var rows = statement.executeQuery()) {
                    return rows.next() ? rows.getString(1) : "(no such article)";
                }
            }
        });
    }

    private long count(String sql) {
        return database.read(connection -> {
            try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
