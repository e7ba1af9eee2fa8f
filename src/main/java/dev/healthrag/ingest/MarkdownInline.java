package dev.healthrag.ingest;

import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Strips inline Markdown syntax so chunk text reads as prose. Link targets and image
 * references are dropped because readers see citations separately and URLs only add
 * noise to embeddings.
 */
final class MarkdownInline {

    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)|!\\[[^\\]]*]\\[[^\\]]*]");
    private static final Pattern INLINE_LINK = Pattern.compile("\\[([^\\]]*)]\\((?:[^()]|\\([^)]*\\))*\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("\\[([^\\]]+)]\\[[^\\]]*]");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|mailto):[^>\\s]+)>");
    private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>");
    private static final Pattern CODE = Pattern.compile("`+([^`]+)`+");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    // Single markers need a non-word neighbour so snake_case names and "2 * 3" stay intact.
    private static final Pattern EM_STAR = Pattern.compile("(?<![\\w*])\\*(?=\\S)(.+?)(?<=\\S)\\*(?![\\w*])");
    private static final Pattern EM_UNDERSCORE = Pattern.compile("(?<![\\w_])_(?=\\S)(.+?)(?<=\\S)_(?![\\w_])");
    private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|>~])");

    private MarkdownInline() {
    }

    static String clean(String s) {
        String out = s;
        // Each pass is skipped when its marker character is absent; most lines are plain prose.
        if (out.indexOf('[') >= 0) {
            out = IMAGE.matcher(out).replaceAll("");
            out = INLINE_LINK.matcher(out).replaceAll("$1");
            out = REFERENCE_LINK.matcher(out).replaceAll("$1");
        }
        if (out.indexOf('<') >= 0) {
            out = AUTOLINK.matcher(out).replaceAll("$1");
            out = HTML_TAG.matcher(out).replaceAll("");
        }
        if (out.indexOf('`') >= 0) {
            out = CODE.matcher(out).replaceAll("$1");
        }
        if (out.indexOf('*') >= 0 || out.indexOf('_') >= 0) {
            out = STRONG.matcher(out).replaceAll("$2");
            out = EM_STAR.matcher(out).replaceAll("$1");
            out = EM_UNDERSCORE.matcher(out).replaceAll("$1");
        }
        if (out.indexOf('~') >= 0) {
            out = STRIKE.matcher(out).replaceAll("$1");
        }
        if (out.indexOf('\\') >= 0) {
            out = ESCAPE.matcher(out).replaceAll("$1");
        }
        if (out.indexOf('&') >= 0) {
            out = Parser.unescapeEntities(out, false);
        }
        return Text.collapse(out);
    }
}
