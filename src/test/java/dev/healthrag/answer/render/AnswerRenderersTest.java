package dev.healthrag.answer.render;

import dev.healthrag.answer.Answer;
import dev.healthrag.answer.AnswerMode;
import dev.healthrag.answer.AnswerTrace;
import dev.healthrag.answer.Citation;
import dev.healthrag.answer.triage.EmergencyCategory;
import dev.healthrag.answer.triage.TriageDecision;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AnswerRenderersTest {

    @Inject
    @Any
    Instance<AnswerRenderer> renderers;

    @ConfigProperty(name = "healthrag.disclaimer")
    String disclaimer;

    @Test
    void everyRenderersOutputEndsWithTheDisclaimerVerbatimInEveryMode() {
        List<AnswerRenderer> all = renderers.stream().toList();
        assertTrue(all.stream().anyMatch(PlainTextRenderer.class::isInstance)
                        && all.stream().anyMatch(MarkdownRenderer.class::isInstance)
                        && all.stream().anyMatch(ChatCompletionRenderer.class::isInstance),
                "the plain-text, Markdown and chat-completions (/v1) renderers are beans: " + all);
        Citation citation = new Citation(1, "a", "Title", "https://example.org/a", "Section", "Snippet", 0.8);
        List<Answer> answers = List.of(
                new Answer(AnswerMode.LLM, "Rest helps [1].", List.of(citation), List.of(), null, disclaimer,
                        TriageDecision.notEmergency(0.1, "none"), AnswerTrace.NONE),
                new Answer(AnswerMode.EXTRACTIVE, "Rest helps. [1]", List.of(citation), List.of(), null, disclaimer,
                        TriageDecision.notEmergency(0.1, "none"), AnswerTrace.NONE),
                new Answer(AnswerMode.NO_ANSWER, "Not covered.", List.of(), List.of(), null, disclaimer,
                        TriageDecision.notEmergency(0.1, "none"), AnswerTrace.NONE),
                new Answer(AnswerMode.EMERGENCY, "", List.of(), List.of(), "Call 911.", disclaimer,
                        TriageDecision.emergency(EmergencyCategory.STROKE, 0.9, "exemplar"), AnswerTrace.NONE));

        for (AnswerRenderer renderer : all) {
            for (Answer answer : answers) {
                String text = renderer.render(answer);
                assertTrue(text.endsWith(disclaimer), renderer.getClass().getSimpleName() + " in mode "
                        + answer.mode() + " ended with: " + text);
            }
        }
    }
}
