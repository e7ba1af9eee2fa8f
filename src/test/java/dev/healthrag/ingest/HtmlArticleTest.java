package dev.healthrag.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlArticleTest {

    @TempDir
    Path dir;

    @Test
    void readsTitleUrlAndMetadataFromTheHead() throws Exception {
        // when
        Article article = Fixtures.parseResource("iron-deficiency-page.html");
        // then
        assertEquals("iron-deficiency-page", article.id());
        assertEquals("Iron Deficiency Anemia: Signs and Treatment", article.title());
        assertEquals("https://wellread.example/conditions/iron-deficiency-anemia", article.url());
        ArticleMetadata m = article.metadata();
        assertEquals("Priya Raman, MD", m.author());
        assertEquals(LocalDate.of(2024, 5, 14), m.published());
        assertEquals("Blood Health", m.category());
        assertEquals(List.of("anemia", "iron", "fatigue"), m.tags());
        assertEquals("WellRead Health", m.source());
        assertEquals("html", article.format());
    }

    @Test
    void dropsPageFurnitureAndKeepsArticleContent() throws Exception {
        Article article = Fixtures.parseResource("iron-deficiency-page.html");

        String text = Fixtures.allText(article);
        for (String furniture : List.of("Home", "cookies", "Advertisement", "SuperVitamins", "Share on Facebook",
                "Tweet", "Subscribe", "Get health tips weekly", "Great article", "Comments", "Vitamin B12",
                "All rights reserved", "dataLayer", "Photo: StockCo", "By Priya Raman")) {
            assertFalse(text.contains(furniture), () -> "still contains '" + furniture + "':\n" + text);
        }
        assertTrue(text.contains("Iron deficiency anemia happens when the body does not have enough iron to make "
                + "hemoglobin, the protein in red blood cells that carries oxygen."), text);
    }

    @Test
    void keepsElementsWhoseClassOnlyContainsNoiseLettersInsideWords() throws Exception {
        Article article = Fixtures.parseResource("iron-deficiency-page.html");

        String text = Fixtures.allText(article);
        assertTrue(text.contains("mistake them for ordinary stress"), "shadow-box was dropped");
        assertTrue(text.contains("Children and pregnant women are at higher risk."), "header-note was dropped");
        assertTrue(text.contains("Download our printable guide"), "download-guide was dropped");
    }

    @Test
    void turnsHeadingsIntoSectionsAndListItemsIntoDashLines() throws Exception {
        Article article = Fixtures.parseResource("iron-deficiency-page.html");

        List<String> headings = article.sections().stream().map(Section::heading).toList();
        assertEquals(List.of("", "Common Signs", "Treatment", "Iron in food"), headings);
        assertEquals("""
                Many people notice tiredness first. Other signs include:

                - pale skin and pale inner eyelids
                - shortness of breath during light activity
                - for example, climbing one flight of stairs
                - brittle nails and cravings for ice

                Symptoms can develop so slowly that people mistake them for ordinary stress.

                Children and pregnant women are at higher risk.""", article.sections().get(1).text());
        assertEquals("Red meat, beans, lentils and fortified cereals are good sources of iron.\n\n"
                + "- Food; Iron per serving\n- Lentils; 6.6 mg", article.sections().get(3).text());
    }

    @Test
    void fallsBackToH1AndBodyWhenThereIsNoArticleElementOrOpenGraph() throws Exception {
        Path page = Fixtures.write(dir, "plain.htm", """
                <html><head><title>Gout - Clinic Site</title></head>
                <body><div id="sidebar-ads">Buy now</div><h1>Gout basics</h1>
                <p>Gout is a type of arthritis caused by uric acid crystals.</p></body></html>""");

        Article article = new ArticleParser().parse(page, "plain");

        assertEquals("Gout basics", article.title());
        assertEquals("", article.url());
        assertEquals("", article.metadata().author());
        assertNull(article.metadata().published());
        assertEquals(List.of(new Section("", "Gout is a type of arthritis caused by uric acid crystals.")),
                article.sections());
    }

    @Test
    void ignoresATeaserArticleElementWhenTheContentIsElsewhere() throws Exception {
        String content = "Psoriasis is a long-lasting skin condition that causes scaly patches. ".repeat(5);
        Path page = Fixtures.write(dir, "teaser.html", "<html><body><main><h2>About psoriasis</h2><p>" + content
                + "</p></main><div><article><p>Read next: eczema</p></article></div></body></html>");

        Article article = new ArticleParser().parse(page, "teaser");

        assertEquals(List.of("About psoriasis"), article.sections().stream().map(Section::heading).toList());
        assertFalse(Fixtures.allText(article).contains("Read next"));
    }

    @Test
    void stripsSiteNameSuffixesButNotMeaningfulDashes() {
        assertEquals("Gout", HtmlArticleReader.stripSiteSuffix("Gout | Clinic Site", ""));
        assertEquals("Gout", HtmlArticleReader.stripSiteSuffix("Gout - Clinic Site", "Clinic Site"));
        assertEquals("Gout", HtmlArticleReader.stripSiteSuffix("Gout \u2014 healthsite.com", ""));
        assertEquals("COVID-19 - What You Need to Know",
                HtmlArticleReader.stripSiteSuffix("COVID-19 - What You Need to Know", "Clinic Site"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ad", "ad-slot", "adSlotTop", "ads300", "advert", "social-share", "cookie-banner",
        "newsletter-signup", "related-posts", "promo", "comments", "breadcrumb", "sidebar", "popup", "banner"})
    void treatsClassesNamingBoilerplateAsNoise(String cssClass) {
        assertTrue(HtmlBoilerplate.hasNoiseToken(cssClass), cssClass);
    }

    @ParameterizedTest
    @ValueSource(strings = {"header-note", "shadow-box", "download-guide", "leading", "readable", "headline",
        "advice", "badge", "sharp-text", "entry-content"})
    void keepsClassesThatOnlyContainNoiseLetters(String cssClass) {
        assertFalse(HtmlBoilerplate.hasNoiseToken(cssClass), cssClass);
    }
}
