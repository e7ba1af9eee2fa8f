package dev.healthrag.answer.verify;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Model output may carry Markdown images and links, and a widget renders them: an image URL is fetched the
 * moment it is shown, which would leak whatever the text put in it. Only URLs of the answer's own sources
 * are kept; other images are removed and other links become their plain text.
 */
public final class LinkPolicy {

    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HTML_IMAGE = Pattern.compile("(?i)<img\\b[^>]*>");
    private static final Pattern AUTOLINK = Pattern.compile("<(https?://[^>\\s]+)>");

    private LinkPolicy() {
    }

    public static String sanitize(String text, Set<String> allowedUrls) {
        String out = replace(IMAGE, text, m -> allowedUrls.contains(m.group(2)) ? m.group() : "");
        out = replace(LINK, out, m -> allowedUrls.contains(m.group(2)) ? m.group() : m.group(1));
        out = replace(AUTOLINK, out, m -> allowedUrls.contains(m.group(1)) ? m.group() : "");
        return HTML_IMAGE.matcher(out).replaceAll("");
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(with.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
