package dev.healthrag.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleParserValidationTest {

    @TempDir
    Path dir;

    private final ArticleParser parser = new ArticleParser();

    private InvalidArticleException rejection(Path file) {
        return assertThrows(InvalidArticleException.class, () -> parser.parse(file, "doc"));
    }

    @Test
    void rejectsEmptyFile() {
        // given
        Path file = Fixtures.write(dir, "empty.md", "");
        // when
        InvalidArticleException e = rejection(file);
        // then
        assertEquals("file is empty; add the article text", e.getMessage());
    }

    @Test
    void rejectsWhitespaceOnlyFile() {
        Path file = Fixtures.write(dir, "blank.txt", " \n\t\r\n  \n");

        InvalidArticleException e = rejection(file);

        assertTrue(e.getMessage().contains("only whitespace"), e.getMessage());
    }

    @Test
    void rejectsBinaryFileWithNulBytes() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Path file = Fixtures.write(dir, "picture.md", png);

        InvalidArticleException e = rejection(file);

        assertEquals("file looks binary (NUL byte at offset 8); only UTF-8 text articles (.md, .html, .txt) can be ingested",
                e.getMessage());
    }

    @Test
    void rejectsMostlyControlBytesAsBinary() {
        byte[] bytes = new byte[200];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 3 == 0 ? 0x01 : 'a');
        }
        Path file = Fixtures.write(dir, "data.txt", bytes);

        InvalidArticleException e = rejection(file);

        assertTrue(e.getMessage().startsWith("file looks binary (67 control bytes in the first 200)"), e.getMessage());
    }

    @Test
    void rejectsNonUtf8WithByteOffset() {
        // given: "Café" saved as Latin-1, where é is the single byte 0xE9
        byte[] latin1 = "# Caf\u00e9 and sleep\n\nText.".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Fixtures.write(dir, "cafe.md", latin1);
        // when
        InvalidArticleException e = rejection(file);
        // then
        assertEquals("not valid UTF-8 (byte 0xE9 at offset 5); save the file as UTF-8", e.getMessage());
    }

    @Test
    void rejectsUtf16WithSaveAsUtf8Hint() {
        byte[] utf16 = "Hello".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        Path file = Fixtures.write(dir, "wide.txt", withBom);

        InvalidArticleException e = rejection(file);

        assertTrue(e.getMessage().startsWith("file is UTF-16 encoded"), e.getMessage());
        assertTrue(e.getMessage().endsWith("save the file as UTF-8"), e.getMessage());
    }

    @Test
    void rejectsUnsupportedExtensionNamingTheAllowedOnes() {
        Path file = Fixtures.write(dir, "notes.docx", "Some text");

        InvalidArticleException e = rejection(file);

        assertEquals("unsupported file type 'notes.docx'; use .md, .markdown, .html, .htm or .txt", e.getMessage());
    }

    @Test
    void reportsMissingFileAsUnreadable() {
        InvalidArticleException e = rejection(dir.resolve("gone.md"));

        assertTrue(e.getMessage().startsWith("cannot read file (NoSuchFileException"), e.getMessage());
    }

    @Test
    void rejectsArticleWithNoTextLeftAfterCleaning() {
        Path markdown = Fixtures.write(dir, "title-only.md", "---\ntitle: Just a title\n---\n\n# Just a title\n\n## Empty\n");
        Path html = Fixtures.write(dir, "nav-only.html", "<html><body><nav><a href='/'>Home</a></nav>"
                + "<footer>Copyright</footer></body></html>");

        assertTrue(rejection(markdown).getMessage().startsWith("no article text left"));
        assertTrue(rejection(html).getMessage().startsWith("no article text left"));
    }

    @Test
    void acceptsUtf8ByteOrderMarkAndWindowsLineEndings() throws Exception {
        byte[] body = "\uFEFF---\r\ntitle: Gout\r\n---\r\n\r\n## Causes\r\nUric acid builds up.\r\n".getBytes(StandardCharsets.UTF_8);
        Path file = Fixtures.write(dir, "gout.md", body);

        Article article = parser.parse(file, "gout");

        assertEquals("Gout", article.title());
        assertEquals(1, article.sections().size());
        assertEquals(new Section("Causes", "Uric acid builds up."), article.sections().get(0));
    }

    @Test
    void recognisesSupportedExtensionsCaseInsensitively() {
        assertTrue(ArticleParser.isSupported(Path.of("a/B.MD")));
        assertTrue(ArticleParser.isSupported(Path.of("x.markdown")));
        assertTrue(ArticleParser.isSupported(Path.of("page.Htm")));
        assertTrue(ArticleParser.isSupported(Path.of("page.html")));
        assertTrue(ArticleParser.isSupported(Path.of("scraped.txt")));
        assertFalse(ArticleParser.isSupported(Path.of("scan.pdf")));
        assertFalse(ArticleParser.isSupported(Path.of("README")));
    }

    @Test
    void dispatchesByExtensionAndRecordsTheFormat() throws Exception {
        Path md = Fixtures.write(dir, "a.md", "Plain paragraph about sleep.");
        Path html = Fixtures.write(dir, "a.html", "<p>Plain paragraph about sleep.</p>");
        Path txt = Fixtures.write(dir, "a.txt", "Plain paragraph about sleep.");

        assertEquals("markdown", parser.parse(md, "a").format());
        assertEquals("html", parser.parse(html, "a").format());
        assertEquals("text", parser.parse(txt, "a").format());
    }
}
