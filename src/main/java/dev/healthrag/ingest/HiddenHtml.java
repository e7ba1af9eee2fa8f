package dev.healthrag.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;

/**
 * Removes markup that a browser does not show, because a page can hide text for models there:
 * readers never see it, so nobody notices what it says, yet a model would read it like any other
 * passage. Hidden means the {@code hidden} attribute, {@code aria-hidden="true"}, an inline style
 * of display:none, visibility:hidden, font-size:0 or opacity:0, and the {@code template} and
 * {@code noscript} elements.
 * <p>
 * Kept on purpose: screen-reader-only text (class "sr-only", "visually-hidden", off-screen
 * positioning), because screen reader users are shown it and sites put real content there; and
 * hiding classes such as "hidden" or "d-none", because they are usually paired with one that shows
 * the element on other screens ("d-none d-md-block"), so the class alone does not say it is never seen.
 * <p>
 * Comments are never article text in any case. They are counted only when they address an AI:
 * CMSs fill pages with comments ("wp:paragraph", "end .entry"), and reporting those would bury
 * the one page that hides an instruction.
 */
final class HiddenHtml {

    private static final Set<String> HIDDEN_TAGS = Set.of("template", "noscript");
    private static final Set<String> VOID_TAGS = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr");
    private static final Pattern ZERO = Pattern.compile("^(?:0+(?:\\.0*)?|\\.0+)(?:[a-z]+|%)?$");
    private static final Pattern COMMENT = Pattern.compile("<!--(.*?)-->", Pattern.DOTALL);
    private static final Pattern OPEN_TAG = Pattern.compile("<([A-Za-z][A-Za-z0-9-]*)(\\s[^<>]*)?>");
    private static final Pattern BLANK_LINE = Pattern.compile("\n[ \t]*\n");

    /** Text with hidden parts taken out, and how many of those parts held anything worth reporting. */
    record Stripped(String text, int hidden) {
    }

    private HiddenHtml() {
    }

    /**
     * Removes comments and hidden elements below {@code root} (the root itself stays: it was chosen
     * as the content). Returns how many hidden elements held text, plus the comments that address an AI.
     */
    static int remove(Element root) {
        int count = 0;
        List<Comment> comments = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Comment c) {
                comments.add(c);
            }
        }, root);
        for (Comment comment : comments) {
            if (PromptInjectionFilter.addressesAnAi(Text.collapse(comment.getData()))) {
                count++;
            }
            comment.remove();
        }
        for (Element e : root.select("*")) {
            // Document order: once an element is removed, the hidden ones inside it are detached and skipped.
            if (e == root || !isBelow(e, root) || !isHidden(e)) {
                continue;
            }
            if (!Text.collapse(e.text()).isEmpty()) {
                count++;
            }
            e.remove();
        }
        return count;
    }

    private static boolean isBelow(Element e, Element root) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == root) {
                return true;
            }
        }
        return false;
    }

    static boolean isHidden(Element e) {
        return HIDDEN_TAGS.contains(e.normalName()) || e.hasAttr("hidden")
                || "true".equalsIgnoreCase(e.attr("aria-hidden").strip()) || hidesByStyle(e.attr("style"));
    }

    /** Inline declarations only: stylesheets are not read, so a class-based display:none is not seen. */
    static boolean hidesByStyle(String style) {
        if (style == null || style.isEmpty()) {
            return false;
        }
        for (String declaration : style.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String property = declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = declaration.substring(colon + 1).replace("!important", "").strip().toLowerCase(Locale.ROOT);
            boolean hides = switch (property) {
                case "display" -> value.equals("none");
                case "visibility" -> value.equals("hidden") || value.equals("collapse");
                case "font-size", "opacity" -> ZERO.matcher(value).matches();
                default -> false;
            };
            if (hides) {
                return true;
            }
        }
        return false;
    }

    /**
     * The same rules for raw HTML inside Markdown, which CommonMark passes through and which
     * {@link MarkdownInline} would otherwise unwrap into visible text. A hidden element runs to its
     * matching close tag, or, left open, to the end of its block (the next blank line).
     */
    static Stripped fromMarkup(String text) {
        // Removing one element can join the text around it into another ("<di<div hidden>x</div>v hidden>"), so
        // passes repeat until nothing more is hidden; each pass that finds something makes the text shorter.
        Stripped result = onePass(text);
        int hidden = result.hidden();
        for (Stripped next = onePass(result.text()); !next.text().equals(result.text()); next = onePass(result.text())) {
            result = next;
            hidden += next.hidden();
        }
        return new Stripped(result.text(), hidden);
    }

    private static Stripped onePass(String text) {
        if (text.indexOf('<') < 0) {
            return new Stripped(text, 0);
        }
        int hidden = 0;
        StringBuilder out = new StringBuilder(text.length());
        Matcher comment = COMMENT.matcher(text);
        int from = 0;
        while (comment.find()) {
            if (PromptInjectionFilter.addressesAnAi(Text.collapse(comment.group(1)))) {
                hidden++;
            }
            out.append(text, from, comment.start());
            from = comment.end();
        }
        String rest = out.append(text, from, text.length()).toString();
        out.setLength(0);
        from = 0;
        Matcher tag = OPEN_TAG.matcher(rest);
        while (tag.find(from)) {
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            if (VOID_TAGS.contains(name) || !isHiddenTag(tag.group(), name)) {
                out.append(rest, from, tag.end());
                from = tag.end();
                continue;
            }
            int end = closingEnd(rest, name, tag.end());
            String inner = rest.substring(tag.end(), end);
            if (!Text.collapse(MarkdownInline.clean(inner)).isEmpty()) {
                hidden++;
            }
            out.append(rest, from, tag.start());
            from = end;
        }
        out.append(rest, from, rest.length());
        return new Stripped(out.toString(), hidden);
    }

    private static boolean isHiddenTag(String openTag, String name) {
        if (HIDDEN_TAGS.contains(name)) {
            return true;
        }
        if (openTag.indexOf('=') < 0 && !openTag.toLowerCase(Locale.ROOT).contains("hidden")) {
            return false; // no attribute that could hide it; skip the parse
        }
        Element parsed = Jsoup.parseBodyFragment(openTag + "</" + name + ">").body().firstElementChild();
        return parsed != null && isHidden(parsed);
    }

    /** End of the close tag matching the element opened before {@code from}, counting nested ones of the same name. */
    private static int closingEnd(String text, String name, int from) {
        Matcher m = Pattern.compile("<(/?)" + Pattern.quote(name) + "(?=[\\s>/])[^<>]*>", Pattern.CASE_INSENSITIVE)
                .matcher(text);
        int depth = 1;
        int limit = blockEnd(text, from);
        m.region(from, text.length());
        while (m.find()) {
            if (m.group(1).isEmpty()) {
                depth++;
            } else if (--depth == 0) {
                return m.end();
            }
        }
        return limit;
    }

    private static int blockEnd(String text, int from) {
        Matcher blank = BLANK_LINE.matcher(text);
        return blank.find(from) ? blank.start() : text.length();
    }
}
