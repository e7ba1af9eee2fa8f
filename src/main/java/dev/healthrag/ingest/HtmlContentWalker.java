package dev.healthrag.ingest;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Walks cleaned article HTML in document order, turning block structure into sections. */
final class HtmlContentWalker {

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "blockquote",
            "pre", "table", "thead", "tbody", "ul", "ol", "dl", "dt", "dd", "figure", "address", "details",
            "summary", "hr", "br", "center", "body");

    private final SectionBuilder sections;
    private final String titleKey;
    private final StringBuilder paragraph = new StringBuilder();

    HtmlContentWalker(SectionBuilder sections, String title) {
        this.sections = sections;
        this.titleKey = Text.key(title);
    }

    void walk(Element root) {
        visit(root);
        flush();
    }

    private void visit(Node node) {
        if (node instanceof TextNode text) {
            paragraph.append(text.text());
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        String tag = e.normalName();
        if (HEADINGS.contains(tag)) {
            flush();
            heading(tag, Text.collapse(e.text()));
        } else if (tag.equals("li")) {
            flush();
            listItem(e);
        } else if (tag.equals("tr")) {
            flush();
            // A row stays one "- a; b" line so a table never gets cut mid-row.
            sections.listItem(String.join("; ", e.select("> td, > th").eachText()));
        } else if (BLOCKS.contains(tag)) {
            flush();
            e.childNodes().forEach(this::visit);
            flush();
        } else {
            e.childNodes().forEach(this::visit);
        }
    }

    private void heading(String tag, String text) {
        // The page title usually reappears as the article's h1; it is metadata, not a section.
        if (text.isEmpty() || (tag.equals("h1") && Text.key(text).equals(titleKey))) {
            return;
        }
        sections.heading(text);
    }

    private void listItem(Element li) {
        Element own = li.clone();
        own.select("ul, ol").remove();
        sections.listItem(own.text());
        // Nested items become their own lines; each is handled by its nearest enclosing item only.
        li.select("li").stream()
                .filter(d -> d != li && d.parent() != null && d.parent().closest("li") == li)
                .forEach(this::listItem);
    }

    private void flush() {
        if (paragraph.length() > 0) {
            sections.paragraph(paragraph.toString());
            paragraph.setLength(0);
        }
    }
}
