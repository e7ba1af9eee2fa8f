package dev.healthrag.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;

/**
 * Saved web pages. Metadata comes from the head (Open Graph and article meta tags, which
 * CMSs fill more reliably than the visible byline); content comes from the main article
 * element after page furniture is removed.
 */
final class HtmlArticleReader {

    private static final Pattern DASH_SUFFIX = Pattern.compile("^(.+?)\\s+[-\u2013\u2014:]{1,2}\\s+(.+)$");
    private static final Pattern PIPE_SUFFIX = Pattern.compile("\\s+[|\u00B7\u2022]\\s+.*$");
    private static final Pattern DOMAIN = Pattern.compile("(?i)\\b[\\w-]+\\.(com|org|net|gov|edu|io|co|uk|info)\\b");

    /**
     * Elements nested deeper are refused. Browsers build no deeper tree either (Blink's parser stops nesting
     * at 512 and adds the rest as siblings); the readers here walk the tree recursively and compare each
     * element with its ancestors, so a page 2,000 deep ran the ingest out of stack and a deeper one would
     * cost time quadratic in its depth.
     */
    static final int MAX_DEPTH = 512;

    Article read(String html, String defaultId) throws InvalidArticleException {
        Document doc = Jsoup.parse(html);
        int depth = depth(doc);
        if (depth > MAX_DEPTH) {
            throw new InvalidArticleException("HTML elements are nested " + depth + " deep, deeper than the "
                    + MAX_DEPTH + " a browser builds; remove the extra wrapping elements (an unclosed tag repeated"
                    + " in a template is the usual cause)");
        }
        String siteName = meta(doc, "og:site_name");
        String title = title(doc, siteName);
        String url = first(doc.select("link[rel=canonical]").attr("href"), meta(doc, "og:url"));
        ArticleMetadata metadata = new ArticleMetadata(author(doc),
                Dates.parseLenient(first(meta(doc, "article:published_time"), meta(doc, "date"))),
                emptyToNull(meta(doc, "article:section")), tags(doc), List.of(), emptyToNull(siteName));

        Element root = contentRoot(doc);
        root.select(HtmlBoilerplate.DROPPED_TAGS).remove();
        root.select("*").stream().filter(e -> e != root && HtmlBoilerplate.isNoise(e)).forEach(Element::remove);
        // After the furniture, so only hidden text that would otherwise have been article text is reported.
        DropCounts drops = new DropCounts();
        drops.add(DropReason.HIDDEN, HiddenHtml.remove(root));
        drops.add(DropReason.INVISIBLE_CHARACTERS, Text.hidingCharacters(root.wholeText()));
        SectionBuilder sections = new SectionBuilder(drops);
        new HtmlContentWalker(sections, title).walk(root);
        return new Article(defaultId, title.isEmpty() ? defaultId : title, url, metadata, sections.build(), "html",
                drops.toMap());
    }

    /** Nesting depth of the deepest node; jsoup's traversal is iterative, so this is safe at any depth. */
    private static int depth(Document doc) {
        int[] deepest = {0};
        NodeTraversor.traverse((node, depth) -> deepest[0] = Math.max(deepest[0], depth), doc);
        return deepest[0];
    }

    /**
     * The longest &lt;article&gt; wins, because "related story" cards are often &lt;article&gt;s too.
     * A candidate holding under a tenth of the page's text is a teaser, not the content.
     */
    private static Element contentRoot(Document doc) {
        int pageLength = doc.body().text().length();
        List<Element> candidates = new ArrayList<>();
        doc.select("article").stream().max(Comparator.comparingInt((Element e) -> e.text().length()))
                .ifPresent(candidates::add);
        candidates.addAll(doc.select("main, [role=main]"));
        return candidates.stream()
                .filter(e -> e.text().length() * 10L >= pageLength)
                .findFirst()
                .orElse(doc.body());
    }

    private static String title(Document doc, String siteName) {
        String og = meta(doc, "og:title");
        if (!og.isEmpty()) {
            return stripSiteSuffix(og, siteName);
        }
        Element h1 = doc.selectFirst("h1");
        if (h1 != null && !Text.collapse(h1.text()).isEmpty()) {
            return Text.collapse(h1.text());
        }
        return stripSiteSuffix(doc.title(), siteName);
    }

    /** "Gout | Health Site" loses the pipe part always; a dash part only when it names the site. */
    static String stripSiteSuffix(String raw, String siteName) {
        String t = Text.collapse(PIPE_SUFFIX.matcher(Text.collapse(raw)).replaceFirst(""));
        Matcher m = DASH_SUFFIX.matcher(t);
        if (m.matches()) {
            String tail = m.group(2);
            boolean namesSite = (!siteName.isEmpty() && tail.equalsIgnoreCase(siteName)) || DOMAIN.matcher(tail).find();
            if (namesSite) {
                return m.group(1).strip();
            }
        }
        return t;
    }

    private static String author(Document doc) {
        String author = meta(doc, "author");
        if (author.isEmpty()) {
            String articleAuthor = meta(doc, "article:author");
            // article:author is often a profile URL, which is no use as a display name.
            author = articleAuthor.startsWith("http") ? "" : articleAuthor;
        }
        return author;
    }

    private static List<String> tags(Document doc) {
        List<String> tags = new ArrayList<>();
        for (String k : meta(doc, "keywords").split(",")) {
            addUnique(tags, k);
        }
        doc.select("meta[property=article:tag]").forEach(e -> addUnique(tags, e.attr("content")));
        return tags;
    }

    private static void addUnique(List<String> list, String raw) {
        String v = Text.collapse(raw);
        if (!v.isEmpty() && !list.contains(v)) {
            list.add(v);
        }
    }

    private static String meta(Document doc, String key) {
        Element e = doc.selectFirst("meta[property=\"" + key + "\"], meta[name=\"" + key + "\"]");
        return e == null ? "" : Text.collapse(e.attr("content"));
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : b == null ? "" : b.strip();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
