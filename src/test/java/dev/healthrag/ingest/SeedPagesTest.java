package dev.healthrag.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the cleaner over the example pages in the shared folder. They are someone else's text,
 * so they are read in place and never copied; the test is skipped where the folder is absent
 * (a fresh clone without ../shared).
 */
class SeedPagesTest {

    private static final Path SEEDS = seedsDir();
    private static final List<String> FURNITURE = List.of("Photo Credit", "author image", "Video of the Day",
            "internal_link", "Gold Member", "Short Answer", "In-Depth Answer", "Calorie Tracker", "Enter your email");

    /** -Dhealthrag.seeds wins; otherwise the shared folder beside the checkout, as CI lays it out. */
    private static Path seedsDir() {
        String configured = System.getProperty("healthrag.seeds");
        if (configured != null) {
            return Path.of(configured);
        }
        Path besideCheckout = Path.of("../shared/seeds");
        return Files.isDirectory(besideCheckout) ? besideCheckout : Path.of("/work/shared/seeds");
    }

    private static Article parseSeed(String name) throws InvalidArticleException {
        Path file = SEEDS.resolve(name);
        assumeTrue(Files.isRegularFile(file), "seed page not present: " + file);
        return new ArticleParser().parse(file, name.replace(".txt", ""));
    }

    @Test
    void cleansTheMuscleTwitchArticleSeed() throws Exception {
        Article article = parseSeed("000_b6344b6ffc67d5fc.txt");

        String text = Fixtures.allText(article);
        FURNITURE.forEach(f -> assertFalse(text.contains(f), () -> "left over: " + f));
        assertEquals("Does Exercise Cause Muscle Twitching?", article.title());
        assertEquals("Solomon Branch", article.metadata().author());
        assertFalse(text.contains("George Mason"), "author bio kept");
        assertTrue(text.contains("Muscle twitches, medically referred to as fasciculations"));
        assertTrue(text.contains("Avoid drinking too much caffeine before exercising."));
        assertTrue(article.sections().stream().anyMatch(s -> s.heading().equals("Muscle Twitches")));
    }

    @Test
    void cleansTheTwitchQuestionAndAnswerSeed() throws Exception {
        Article article = parseSeed("002_4c5ec2cace88ab5c.txt");

        String text = Fixtures.allText(article);
        FURNITURE.forEach(f -> assertFalse(text.contains(f), () -> "left over: " + f));
        assertEquals("Why do my muscles twitch after a workout?", article.title());
        assertEquals(1, text.split("usually due to muscle fatigue, dehydration, or electrolyte imbalances", -1).length - 1,
                "the repeated short answer is kept once");
        assertTrue(text.contains("Electrolytes are crucial for conducting electrical signals in the body."));
        assertTrue(text.contains("- Rest: Ensure adequate rest and recovery time between workouts to prevent fatigue."));
        assertFalse(text.contains("Related questions"));
    }

    @Test
    void splitsTheSeedsIntoWholeSentenceChunks() throws Exception {
        for (String name : List.of("000_b6344b6ffc67d5fc.txt", "002_4c5ec2cace88ab5c.txt")) {
            Article article = parseSeed(name);

            List<ChunkDraft> chunks = new ArticleSplitter(200, 350, 40).split(article);

            assertFalse(chunks.isEmpty());
            chunks.forEach(c -> assertTrue(c.text().matches("(?s).*[.!?]$"), c.text()));
        }
    }
}
