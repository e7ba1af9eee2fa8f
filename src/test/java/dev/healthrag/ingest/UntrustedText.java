package dev.healthrag.ingest;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.List;

/**
 * Generators of the text an ingest folder may hold: shaped like real articles (headings, lists, tables,
 * nested tags, front matter, bylines) but filled with what scraped pages carry too: unicode of every
 * script, emoji, invisible and bidi characters, tag characters, control characters, very long words,
 * wrong YAML types and dates outside any calendar. Sizes stay small so a few hundred tries run in seconds.
 */
final class UntrustedText {

    private UntrustedText() {
    }

    static Arbitrary<String> word() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.of("gout", "uric", "acid", "the", "of", "Dr.", "e.g.", "U.S.",
                        "1.5", "mg", "ibuprofen", "naïve", "Ärzte", "日本語", "مرحبا", "שלום", "🙂", "👩‍⚕️", "x²", "—",
                        "AI", "ChatGPT", "ignore", "instructions", "system:", "<|im_start|>", "###")),
                Tuple.of(6, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)),
                Tuple.of(2, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(6)),
                Tuple.of(2, Arbitraries.strings().withChars("\u0000\u0001\u0007\u001B\u007F\u0085"
                        + "\u00AD\u200B\u200D\u202E\u2066\uFEFF\uDB40\uDC41\uD800\t\r\f\u000B\u2028")
                        .ofMinLength(1).ofMaxLength(4)),
                Tuple.of(1, longWord()));
    }

    /** Words no tokenizer expects: a 3,000-letter run, a long URL, a hyphen chain, a run of punctuation. */
    static Arbitrary<String> longWord() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMinLength(300).ofMaxLength(1500),
                Arbitraries.integers().between(20, 400).map(n -> "https://example.org/" + "a/b-".repeat(n)),
                Arbitraries.integers().between(50, 800).map("x-"::repeat),
                Arbitraries.integers().between(50, 1500).map(".,;:!?"::repeat).map(s -> s.substring(0, s.length() / 2)));
    }

    static Arbitrary<String> sentence() {
        return Combinators.combine(word().list().ofMinSize(1).ofMaxSize(15),
                        Arbitraries.of(".", "!", "?", "", "...", ".\u201D", ":"))
                .as((words, end) -> String.join(" ", words) + end);
    }

    static Arbitrary<String> paragraph() {
        return sentence().list().ofMinSize(1).ofMaxSize(5).map(s -> String.join(" ", s));
    }

    // ------------------------------------------------------------------ Markdown

    static Arbitrary<String> markdown() {
        return Combinators.combine(frontMatter().optional(), markdownBlock().list().ofMaxSize(15))
                .as((fm, blocks) -> fm.orElse("") + String.join("\n", blocks));
    }

    static Arbitrary<String> markdownBlock() {
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(1, 7), sentence())
                        .as((level, text) -> "#".repeat(level) + " " + text + "\n"),
                paragraph().map(p -> p + "\n"),
                sentence().list().ofMinSize(1).ofMaxSize(6).flatMap(items -> Arbitraries.of("- ", "* ", "1. ", "  - ", "• ")
                        .map(marker -> marker + String.join("\n" + marker, items) + "\n")),
                sentence().list().ofMinSize(1).ofMaxSize(4).map(cells -> "| " + String.join(" | ", cells) + " |\n|---|\n"),
                paragraph().map(p -> "```\n" + p + "\n```\n"),
                paragraph().map(p -> "> " + p + "\n"),
                sentence().map(s -> s + "\n" + "=".repeat(3) + "\n"),
                Arbitraries.of("---\n", "***\n", "\n", "\n\n\n", "[ref]: https://example.org\n", "```\n"),
                paragraph().flatMap(p -> Arbitraries.of(
                        "<div hidden>" + p + "</div>\n", "<!-- " + p + " -->\n", "<p style=\"display:none\">" + p + "\n",
                        "<span aria-hidden=\"true\">" + p + "</span>\n", "<di<div hidden>x</div>v hidden>" + p + "</div>\n",
                        "<template>" + p, "**" + p + "**\n", "[" + p + "](javascript:alert(1))\n", "&lt;b&gt;" + p + "&amp;\n")));
    }

    /** Front matter whose keys hold every YAML type, and dates no database stores. */
    static Arbitrary<String> frontMatter() {
        Arbitrary<String> value = Arbitraries.oneOf(
                sentence().map(UntrustedText::yamlQuoted),
                Arbitraries.of("12", "-3.5", "true", "null", "~", "[]", "{}", "[a, [b, c]]", "{a: {b: c}}", "[1, 2]",
                        "2024-03-01", "2024-02-30", "-4714-01-01", "+999999999-12-31", "0000-01-01", "10000-01-01",
                        "2024-03-01T10:00:00Z", "March 3, 2024", "'javascript:alert(1)'", "https://example.org/a",
                        "//evil.example/x", "'https://user@evil.example'", "\"\\0\"", "\"\\u202E\"", "|\n  block\n  text",
                        "&anchor x", "*anchor", "!!binary aGVsbG8=", "'", "\"unclosed", "[unclosed", "{a: "),
                longWord().map(UntrustedText::yamlQuoted));
        Arbitrary<String> key = Arbitraries.of("title", "id", "url", "published", "tags", "also_called", "Also-Called",
                "author", "category", "source", "unknown", "TITLE", "? complex");
        return Combinators.combine(key, value).as((k, v) -> k + ": " + v).list().ofMaxSize(8)
                .map(lines -> "---\n" + String.join("\n", lines) + "\n---\n");
    }

    private static String yamlQuoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    // ------------------------------------------------------------------ HTML

    static Arbitrary<String> html() {
        return Combinators.combine(head(), element(3).list().ofMaxSize(4))
                .as((head, body) -> "<html><head>" + head + "</head><body>" + String.join("", body) + "</body></html>");
    }

    private static Arbitrary<String> head() {
        Arbitrary<String> meta = Combinators.combine(
                Arbitraries.of("og:title", "og:site_name", "og:url", "article:published_time", "date", "author",
                        "article:author", "keywords", "article:section", "article:tag"),
                Arbitraries.oneOf(sentence(), Arbitraries.of("-4714-01-01", "+999999999-12-31", "javascript:alert(1)",
                        "2024-03-01T10:00:00+02:00", "March 33, 2024", "data:text/html,x")))
                .as((name, content) -> "<meta property=\"" + name + "\" content=\"" + attr(content) + "\">");
        Arbitrary<String> canonical = Arbitraries.of("javascript:alert(1)", "https://example.org/a", "/relative",
                        "https://ex ample.org", "HTTPS://EXAMPLE.ORG/X", "")
                .map(url -> "<link rel=\"canonical\" href=\"" + url + "\">");
        return Combinators.combine(sentence().map(t -> "<title>" + t + "</title>"), meta.list().ofMaxSize(5),
                canonical.optional()).as((title, metas, link) -> title + String.join("", metas) + link.orElse(""));
    }

    private static Arbitrary<String> element(int depth) {
        Arbitrary<String> text = Arbitraries.oneOf(sentence(), paragraph(), Arbitraries.of("&amp;", "&lt;", "&#0;",
                "&#x202E;", "<", "</", "<!--", "-->", "]]>"));
        if (depth == 0) {
            return text;
        }
        Arbitrary<String> tag = Arbitraries.of("div", "p", "span", "article", "main", "section", "nav", "header",
                "footer", "aside", "ul", "ol", "li", "table", "tr", "td", "th", "h1", "h2", "h3", "h6", "script",
                "style", "template", "noscript", "br", "a", "b", "i", "figure", "figcaption", "pre", "blockquote",
                "form", "button", "svg");
        Arbitrary<String> attrs = Arbitraries.of("", " class=\"ad-banner\"", " class=\"content\"", " id=\"sidebar\"",
                " hidden", " aria-hidden=\"true\"", " style=\"display:none\"", " style=\"font-size:0\"",
                " role=\"main\"", " role=\"navigation\"", " href=\"javascript:alert(1)\"");
        Arbitrary<Boolean> closed = Arbitraries.of(true, true, true, false);
        return Arbitraries.lazyOf(
                () -> text,
                () -> Combinators.combine(tag, attrs, element(depth - 1).list().ofMaxSize(3), closed)
                        .as((t, a, children, close) -> "<" + t + a + ">" + String.join("", children)
                                + (close ? "</" + t + ">" : "")));
    }

    private static String attr(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;");
    }

    // ------------------------------------------------------------------ scraped text

    static Arbitrary<String> scraped() {
        Arbitrary<String> line = Arbitraries.oneOf(
                paragraph(), sentence(),
                sentence().map(s -> "• " + s), sentence().map(s -> "- " + s),
                Arbitraries.of("Home | About | Contact", "Skip to content", "Menu", "Share this article",
                        "Accept cookies", "Advertisement", "Published March 3, 2024", "Updated: 2024-02-30",
                        "Published -4714-01-01", "Posted on 99/99/9999", "By Jane Doe, MD", "Related articles",
                        "Gout", "GOUT: WHAT YOU NEED TO KNOW", "", "   ", "\t", "©2024 Example Health"),
                longWord());
        return line.list().ofMinSize(1).ofMaxSize(20).map(lines -> String.join("\n", lines));
    }

    /** One document of any supported format, as file name and content: the parser picks the reader by name. */
    static Arbitrary<List<String>> anyDocument() {
        return Arbitraries.oneOf(
                markdown().map(text -> List.of("doc.md", text)),
                html().map(text -> List.of("doc.html", text)),
                scraped().map(text -> List.of("doc.txt", text)),
                Arbitraries.strings().all().ofMaxLength(400).flatMap(text ->
                        Arbitraries.of("doc.md", "doc.html", "doc.txt").map(name -> List.of(name, text))));
    }
}
