package dev.healthrag.ingest;

import dev.healthrag.TestArticles;
import dev.healthrag.store.ArticleStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
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
 * One folder holding everything hostile at once: every bad file is reported by path with a reason, the rest
 * goes in. 2,000 tiny files rather than the 10,000 keep the test within seconds (1,800 of them too
 * small to be articles, 200 one-paragraph articles to embed); the 10,000-file run is measured by hand.
 */
@QuarkusTest
class HostileFolderTest {

    static final int TINY_FILES = 2000;
    static final int TINY_ARTICLES = 200;

    @Inject
    Ingestor ingestor;

    @Inject
    ArticleStore store;

    @TempDir
    Path dir;

    private final String prefix = "hostile-" + Long.toString(System.nanoTime(), 36);
    private final List<String> ids = new ArrayList<>();

    @AfterEach
    void removeThisTestsArticles() {
        store.delete(ids);
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyBadFileIsReportedByPathAndTheRestIsIngested() throws IOException {
        // given
        Map<String, String> bad = HostileFolder.write(dir, prefix, TINY_FILES, TINY_ARTICLES, ids);

        // when
        IngestReport report = TestArticles.ingest(ingestor, dir, IngestOptions.DEFAULT);

        // then: each planted bad file is reported with a reason containing the expected words
        Map<String, String> reasons = report.failed().stream()
                .collect(Collectors.toMap(IngestReport.FailedFile::path, IngestReport.FailedFile::reason));
        bad.forEach((path, words) -> {
            String reason = reasons.get(path);
            assertTrue(reason != null && reason.contains(words), path + " should fail with '" + words + "': " + reason);
        });
        assertEquals(TINY_FILES - TINY_ARTICLES + bad.size(), reasons.size(), "nothing else failed");
        assertEquals(TINY_ARTICLES + HostileFolder.GOOD_ARTICLES, report.added() + report.unchanged());
        assertEquals(1, report.warnings().size(), report.warnings().toString());
        System.out.printf("hostile folder: %d files, %d failed, %d added, %d warnings, %.1f s%n",
                TINY_FILES + bad.size() + HostileFolder.GOOD_ARTICLES + 1, reasons.size(), report.added(),
                report.warnings().size(), report.totalSeconds());
    }

    /** Writes the folder; scripts/hostile-ingest.sh writes the same shape with 10,000 tiny files for the RSS run. */
    static final class HostileFolder {

        static final int GOOD_ARTICLES = 2;

        private HostileFolder() {
        }

        /** The bad files planted, by path, with a word their reason must contain. */
        static Map<String, String> write(Path dir, String prefix, int tiny, int tinyArticles, List<String> ids)
                throws IOException {
            Map<String, String> bad = new java.util.TreeMap<>();
            Files.write(dir.resolve("binary.txt"), new byte[] {0x7F, 'E', 'L', 'F', 0, 0, 1, 2});
            bad.put("binary.txt", "binary");
            Files.write(dir.resolve("empty.md"), new byte[0]);
            bad.put("empty.md", "empty");
            Files.write(dir.resolve("latin1.txt"), "Caf\u00e9 au lait, na\u00efve.".getBytes(StandardCharsets.ISO_8859_1));
            bad.put("latin1.txt", "UTF-8");
            try (RandomAccessFile sparse = new RandomAccessFile(dir.resolve("huge.md").toFile(), "rw")) {
                sparse.setLength(50L * 1024 * 1024); // sparse: 50 MB on paper, nothing on disk
            }
            bad.put("huge.md", "healthrag.ingest.max-file-bytes");
            Files.writeString(dir.resolve("deep.html"), "<html><body>" + "<div>".repeat(2000) + "Deep text."
                    + "</div>".repeat(2000) + "</body></html>");
            bad.put("deep.html", "nested");
            Files.createSymbolicLink(dir.resolve("loop-a.md"), dir.resolve("loop-b.md"));
            Files.createSymbolicLink(dir.resolve("loop-b.md"), dir.resolve("loop-a.md"));
            bad.put("loop-a.md", "loop");
            bad.put("loop-b.md", "loop");
            Files.createSymbolicLink(dir.resolve("passwd.txt"), Path.of("/etc/passwd"));
            bad.put("passwd.txt", "outside");
            Files.writeString(dir.resolve("title-list.md"), "---\ntitle: [a, b]\n---\n# T\n\nSome text here.\n");
            bad.put("title-list.md", "single value");
            Files.writeString(dir.resolve("tags-map.md"), "---\ntags: {a: b}\n---\n# T\n\nSome text here.\n");
            bad.put("tags-map.md", "list");
            Files.writeString(dir.resolve("date-number.md"), "---\npublished: 12\n---\n# T\n\nSome text here.\n");
            bad.put("date-number.md", "not a date");
            Files.writeString(dir.resolve("date-far.md"), "---\npublished: +999999999-12-31\n---\n# T\n\nText.\n");
            bad.put("date-far.md", "outside 1 to 9999");
            Files.writeString(dir.resolve("yaml.md"), "---\ntitle: \"unclosed\n---\n# T\n\nSome text here.\n");
            bad.put("yaml.md", "not valid YAML");

            // Good articles among the bad: one with a NUL past the binary sniff, one with a javascript: URL.
            String nulId = prefix + "-nul";
            ids.add(nulId);
            Files.writeString(dir.resolve("nul.md"), "---\nid: " + nulId + "\n---\n# Nul\n\n"
                    + "Water helps the kidneys. ".repeat(400) + "\u0000 A NUL PostgreSQL refuses in text.\n");
            String scriptId = prefix + "-script";
            ids.add(scriptId);
            Files.writeString(dir.resolve("script.md"), "---\nid: " + scriptId + "\nurl: 'javascript:alert(1)'\n---\n"
                    + "# Script\n\nGout is a kind of arthritis caused by uric acid crystals.\n");

            Path tinyDir = Files.createDirectories(dir.resolve("tiny"));
            for (int i = 0; i < tiny; i++) {
                if (i < tinyArticles) {
                    String id = prefix + "-tiny-" + i;
                    ids.add(id);
                    Files.writeString(tinyDir.resolve(i + ".md"), "---\nid: " + id + "\n---\nTiny article " + i
                            + " says to drink water.\n");
                } else {
                    // too small to be an article: empty, blank, or a heading with no text
                    String content = switch (i % 3) {
                        case 0 -> "";
                        case 1 -> " \n";
                        default -> "# " + i + "\n";
                    };
                    Files.writeString(tinyDir.resolve(i + ".md"), content);
                }
            }
            return bad;
        }
    }
}
