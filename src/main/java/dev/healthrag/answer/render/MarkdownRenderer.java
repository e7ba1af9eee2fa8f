package dev.healthrag.answer.render;

import dev.healthrag.answer.Answer;
import dev.healthrag.answer.Citation;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * For channels that show only text (chat clients of an OpenAI-compatible API, bots): the plain answer with a
 * short "Sources" list of titles and URLs inserted before the disclaimer, so every client shows them.
 */
@ApplicationScoped
public class MarkdownRenderer implements AnswerRenderer {

    @Override
    public String render(Answer answer) {
        StringBuilder text = new StringBuilder();
        if (answer.emergencyNotice() != null) {
            text.append("**").append(answer.emergencyNotice()).append("**\n\n");
        }
        if (!answer.body().isBlank()) {
            text.append(answer.body().strip()).append("\n\n");
        }
        if (!answer.citations().isEmpty()) {
            text.append("Sources:\n");
            for (Citation citation : answer.citations()) {
                text.append("[").append(citation.ref()).append("] ").append(citation.title());
                if (citation.url() != null && !citation.url().isBlank()) {
                    text.append(" <").append(citation.url()).append(">");
                }
                text.append('\n');
            }
            text.append('\n');
        }
        return text.append(answer.disclaimer()).toString();
    }
}
