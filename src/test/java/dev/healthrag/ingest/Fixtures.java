package dev.healthrag.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers: fixture files from src/test/resources/ingest and throwaway files in a temp dir. */
final class Fixtures {

    private Fixtures() {
    }

    static Path resource(String name) {
        try {
            var url = Fixtures.class.getResource("/ingest/" + name);
            if (url == null) {
                throw new IllegalArgumentException("missing fixture ingest/" + name);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Article parseResource(String name) throws InvalidArticleException {
        String id = name.substring(0, name.lastIndexOf('.'));
        return new ArticleParser().parse(resource(name), id);
    }

    static Path write(Path dir, String fileName, String content) {
        return write(dir, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String fileName, byte[] content) {
        try {
            Path file = dir.resolve(fileName);
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All section text of an article in one string, for "is it still there" assertions. */
    static String allText(Article article) {
        StringBuilder sb = new StringBuilder();
        for (Section s : article.sections()) {
            sb.append(s.heading()).append('\n').append(s.text()).append("\n\n");
        }
        return sb.toString();
    }
}
