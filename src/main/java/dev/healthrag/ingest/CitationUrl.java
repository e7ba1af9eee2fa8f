package dev.healthrag.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Decides whether an article's URL may be served as a citation link. A citation is rendered by clients
 * (a chat widget, a web page) as a link the reader clicks, so only absolute http and https addresses of a
 * named host pass: {@code javascript:} and {@code data:} would run in the reader's page, and a relative
 * address would resolve against whichever site shows the answer, not the one the article came from.
 * User info ("https://trusted.org@evil.example") is refused too: it makes a link read as another site.
 */
final class CitationUrl {

    /** Longer URLs are not links a source publishes; 2,048 is what browsers and CDNs reliably carry. */
    static final int MAX_LENGTH = 2048;

    private CitationUrl() {
    }

    /** Why {@code url} cannot be a citation link, or null when it can (or is empty: no link is fine). */
    static String problem(String url) {
        if (url == null || url.isEmpty()) {
            return null;
        }
        if (url.length() > MAX_LENGTH) {
            return "is " + url.length() + " characters long, over " + MAX_LENGTH;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                return "contains a space or control character (write spaces as %20)";
            }
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return uri.getScheme() == null ? "is relative; write the full address starting with https://"
                    : "is a " + uri.getScheme() + ": address, not an http or https one";
        }
        if (uri.getRawUserInfo() != null) {
            return "has a user name before '@', which makes a link look like another site's";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "has no host name";
        }
        return null;
    }

    /** The warning for a dropped URL, quoting a bounded part of it: the report must stay readable. */
    static String warning(String url, String problem) {
        String shown = url.length() > 120 ? url.substring(0, 120) + "..." : url;
        StringBuilder printable = new StringBuilder(shown.length());
        shown.codePoints().forEach(cp -> printable.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return "url '" + printable + "' " + problem + "; the article is stored without a link. Use the article's"
                + " http or https address";
    }
}
