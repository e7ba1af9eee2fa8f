package dev.healthrag.ingest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Decides which HTML elements are page furniture rather than article content.
 * Class and id values are cut into word-ish tokens ("adSlot" -> ad, slot; "share-bar" ->
 * share, bar) and compared whole, so "ad" catches "ad-banner" but not "header", "shadow"
 * or "download".
 */
final class HtmlBoilerplate {

    /** Furniture only; elements that hide text (template, noscript) are {@link HiddenHtml}'s, which reports them. */
    static final String DROPPED_TAGS = "nav, header, footer, aside, script, style, form, iframe, "
            + "button, svg, object, embed, canvas, dialog, figcaption, select, input, textarea";

    private static final Set<String> NOISE_TOKENS = Set.of(
            "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adslot", "adunit",
            "dfp", "sponsor", "sponsored", "share", "sharing", "sharebar", "social", "cookie", "cookies",
            "consent", "gdpr", "newsletter", "subscribe", "subscription", "signup", "related", "recommended",
            "promo", "promos", "promotion", "promoted", "comment", "comments", "disqus", "breadcrumb",
            "breadcrumbs", "sidebar", "popup", "modal", "banner", "outbrain", "taboola", "toc", "skip",
            "byline", "author", "caption", "credit", "credits");

    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z])(?=[A-Z])");
    private static final Pattern SEPARATORS = Pattern.compile("[^A-Za-z]+");

    private HtmlBoilerplate() {
    }

    static boolean isNoise(Element e) {
        String role = e.attr("role").toLowerCase(Locale.ROOT);
        if (role.equals("navigation") || role.equals("banner") || role.equals("complementary")
                || role.equals("contentinfo") || role.equals("dialog")) {
            return true;
        }
        return hasNoiseToken(e.className()) || hasNoiseToken(e.id());
    }

    static boolean hasNoiseToken(String attribute) {
        if (attribute == null || attribute.isEmpty()) {
            return false;
        }
        for (String token : SEPARATORS.split(CAMEL.matcher(attribute).replaceAll(" "))) {
            if (NOISE_TOKENS.contains(token.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
