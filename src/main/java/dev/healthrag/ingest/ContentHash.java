package dev.healthrag.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Fingerprint of an article's content, used to skip re-embedding unchanged articles.
 * Every field is written length-prefixed in UTF-8, so no two different articles can
 * serialise to the same bytes ("ab"+"c" vs "a"+"bc"), and nothing depends on the
 * platform's charset, line endings or hash-map order. The format field is left out:
 * converting an article from HTML to Markdown with the same content keeps its hash.
 * <p>
 * Byte layout (lengths are 4-byte big-endian; a null string is length -1 with no bytes):
 * "healthrag-article-v1", id, title, url, author, published (ISO date), category,
 * tag count + tags, also-called count + names, source, section count + (heading, text) pairs.
 */
public final class ContentHash {

    private static final String VERSION = "healthrag-article-v1";

    private ContentHash() {
    }

    public static String of(Article article) {
        MessageDigest digest = sha256();
        put(digest, VERSION);
        put(digest, article.id());
        put(digest, article.title());
        put(digest, article.url());
        ArticleMetadata m = article.metadata();
        put(digest, m.author());
        put(digest, m.published() == null ? null : m.published().toString());
        put(digest, m.category());
        putList(digest, m.tags());
        putList(digest, m.alsoCalled());
        put(digest, m.source());
        digest.update(intBytes(article.sections().size()));
        for (Section s : article.sections()) {
            put(digest, s.heading());
            put(digest, s.text());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void putList(MessageDigest digest, List<String> values) {
        digest.update(intBytes(values.size()));
        values.forEach(v -> put(digest, v));
    }

    /** Null is length -1, distinct from the empty string. */
    private static void put(MessageDigest digest, String value) {
        if (value == null) {
            digest.update(intBytes(-1));
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(intBytes(bytes.length));
        digest.update(bytes);
    }

    private static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
