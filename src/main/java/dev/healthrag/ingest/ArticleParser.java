package dev.healthrag.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads one article file and returns it cleaned of page boilerplate.
 * The reader is chosen by file extension because the three input kinds need different
 * notions of structure: Markdown headings, HTML elements, or heuristics over bare lines.
 * Every problem with the file comes out as an {@link InvalidArticleException} saying what to fix;
 * a URL that cannot be a citation link is dropped with a warning on the article ({@link CitationUrl}).
 * Stateless and thread-safe.
 */
public final class ArticleParser {

    private final MarkdownArticleReader markdown = new MarkdownArticleReader();
    private final HtmlArticleReader html = new HtmlArticleReader();
    private final ScrapedTextReader scraped = new ScrapedTextReader();
    private final long maxFileBytes;

    /** A parser for files of any size, for callers that pick their files themselves (tests, tools). */
    public ArticleParser() {
        this(Long.MAX_VALUE);
    }

    /** @param maxFileBytes larger files are refused before they are read (healthrag.ingest.max-file-bytes) */
    public ArticleParser(long maxFileBytes) {
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("healthrag.ingest.max-file-bytes must be at least 1, got " + maxFileBytes);
        }
        this.maxFileBytes = maxFileBytes;
    }

    public static boolean isSupported(Path file) {
        return formatOf(file) != null;
    }

    public Article parse(Path file, String defaultId) throws InvalidArticleException {
        String format = formatOf(file);
        if (format == null) {
            throw new InvalidArticleException("unsupported file type '" + file.getFileName()
                    + "'; use .md, .markdown, .html, .htm or .txt");
        }
        String text = SourceText.decode(read(file));
        Article article = switch (format) {
            case "markdown" -> markdown.read(text, defaultId);
            case "html" -> html.read(text, defaultId);
            default -> scraped.read(text, defaultId);
        };
        if (!article.hasText()) {
            throw new InvalidArticleException("no article text left after removing headings, navigation and "
                    + "other page boilerplate; add the article's paragraphs to the file");
        }
        String urlProblem = CitationUrl.problem(article.url());
        return urlProblem == null ? article : article.withoutUrl(CitationUrl.warning(article.url(), urlProblem));
    }

    private byte[] read(Path file) throws InvalidArticleException {
        if (Files.isDirectory(file)) {
            throw new InvalidArticleException("cannot read file: it is a directory");
        }
        try {
            long size = Files.size(file);
            if (size > maxFileBytes) {
                throw tooLarge(size);
            }
            // Read at most one byte past the limit: the file may have grown since its size was taken.
            try (InputStream in = Files.newInputStream(file)) {
                // (capped first: maxFileBytes + 1 overflows for the unlimited parser)
                byte[] bytes = in.readNBytes((int) (Math.min(maxFileBytes, Integer.MAX_VALUE - 9) + 1));
                if (bytes.length > maxFileBytes) {
                    throw tooLarge(Math.max(size, bytes.length));
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new InvalidArticleException("cannot read file (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); check that it exists and is readable", e);
        }
    }

    private InvalidArticleException tooLarge(long size) {
        return new InvalidArticleException("file is " + megabytes(size) + " (" + size + " bytes), over the limit of "
                + megabytes(maxFileBytes) + " (healthrag.ingest.max-file-bytes = " + maxFileBytes + "); split it "
                + "into articles of their own, or raise the limit if it really is one article");
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String formatOf(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return null;
        }
        String lower = name.toString().toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String ext = dot < 0 ? "" : lower.substring(dot + 1);
        return switch (ext) {
            case "md", "markdown" -> "markdown";
            case "html", "htm" -> "html";
            case "txt" -> "text";
            default -> null;
        };
    }
}
