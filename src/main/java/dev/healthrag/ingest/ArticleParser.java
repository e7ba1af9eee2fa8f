package dev.healthrag.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads one article file and returns it cleaned of page boilerplate.
 * The reader is chosen by file extension because the three input kinds need different
 * notions of structure: Markdown headings, HTML elements, or heuristics over bare lines.
 * Stateless and thread-safe.
 */
public final class ArticleParser {

    private final MarkdownArticleReader markdown = new MarkdownArticleReader();
    private final HtmlArticleReader html = new HtmlArticleReader();
    private final ScrapedTextReader scraped = new ScrapedTextReader();

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
        return article;
    }

    private static byte[] read(Path file) throws InvalidArticleException {
        if (Files.isDirectory(file)) {
            throw new InvalidArticleException("cannot read file: it is a directory");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidArticleException("cannot read file (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); check that it exists and is readable", e);
        }
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
