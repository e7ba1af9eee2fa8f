package dev.healthrag.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The line rules must generalise beyond the fixtures: varied furniture goes, look-alike prose stays. */
class ScrapedLineRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "A runner stretching at dawn. Photo Credit: jacoblund/iStock/Getty Images",
        "Image credit: Shutterstock",
        "Photo: A bowl of oatmeal with berries",
        "Two women walking in a park. Getty Images",
        "Video of the Day",
        "Tip of the Week",
        "Watch Now",
        "Short Answer",
        "In-Depth Answer:",
        "Summary",
        "Advertisement",
        "Sponsored Content",
        "Share",
        "Share this article",
        "Facebook Twitter Pinterest Email",
        "Continue Reading",
        "Skip to main content",
        "Was this page helpful?",
        "4 min read",
        "12 Comments",
        "We use cookies to personalise content and ads.",
        "\u2713 Works",
        "\u2714 Saved to your list",
        "Home \u203A Health \u203A Heart",
        "Health / Conditions / Diabetes"})
    void recognisesFurnitureLines(String line) {
        assertTrue(ScrapedLineRules.isBoilerplate(line), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Image-guided radiation therapy targets tumours more precisely than older methods.",
        "Share your concerns with your doctor before starting a new supplement.",
        "Summary of the evidence on vitamin D and bone health",
        "Watch for signs of infection such as redness, warmth or pus.",
        "Photodynamic therapy uses light to activate a medicine.",
        "Yes, most people recover fully within two weeks.",
        "Advertising of sugary drinks to children has been restricted in several countries.",
        "Muscle Fatigue",
        "Blood pressure above 140/90 mmHg is high."})
    void keepsProseThatMerelyResemblesFurniture(String line) {
        assertFalse(ScrapedLineRules.isBoilerplate(line), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Related articles", "References", "Sources & Evidence", "Sources:", "You May Also Like",
        "Further Reading", "About the Author", "\u00A9 2025 Example Media", "Copyright 2023 Some Publisher"})
    void recognisesTailsThatEndTheArticle(String line) {
        assertTrue(ScrapedLineRules.isTail(line), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Food Sources of Iron", "References to older studies are common in this field.",
        "Related conditions include eczema and hay fever."})
    void doesNotMistakeHeadingsOrProseForTails(String line) {
        assertFalse(ScrapedLineRules.isTail(line), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"LiveWell Calorie Tracker", "BMI Calculator", "Sign up for our newsletter",
        "Enter your email", "Download the App", "Take the Quiz"})
    void recognisesWidgetTriggers(String line) {
        assertTrue(ScrapedLineRules.isWidgetTrigger(line), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Muscle Twitches", "Why This Happens", "Can muscle twitching be prevented?",
        "When to See a Doctor", "Research-Backed Key Points"})
    void recognisesBareHeadings(String line) {
        assertTrue(ScrapedLineRules.isHeadingShaped(line), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Consult a doctor.", "Symptoms include:", "and then it continues on the next line",
        "Lose Weight. Feel Great! Change your life today",
        "This line is much too long to be a heading because it keeps on going well past seventy characters"})
    void doesNotTreatSentencesOrLeadInsAsHeadings(String line) {
        assertFalse(ScrapedLineRules.isHeadingShaped(line), line);
    }
}
