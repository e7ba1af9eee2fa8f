package dev.healthrag.answer.render;

import dev.healthrag.answer.Answer;
import dev.healthrag.answer.Citation;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAI-compatible channel (/v1/chat/completions): its clients (Open WebUI, LibreChat, SDKs, scripts) show
 * the message content and nothing else, and most render it as Markdown. So the content carries everything: the
 * emergency guidance (bold, first), the body with its [n] markers, a "Sources" list with one line per cited
 * source ({@code - [n] Title <url>}: a list, because single line breaks join lines in Markdown; an autolink,
 * because it is a link in Markdown and still a plain URL in a terminal), then the disclaimer, verbatim and last.
 */
@ApplicationScoped
public class ChatCompletionRenderer implements AnswerRenderer {

    @Override
    public String render(Answer answer) {
        List<String> parts = new ArrayList<>(4);
        if (answer.emergencyNotice() != null) {
            parts.add("**" + answer.emergencyNotice().strip() + "**");
        }
        if (!answer.body().isBlank()) {
            parts.add(answer.body().strip());
        }
        if (!answer.citations().isEmpty()) {
            parts.add(sources(answer.citations()));
        }
        parts.add(answer.disclaimer());
        return String.join("\n\n", parts);
    }

    private static String sources(List<Citation> citations) {
        StringBuilder text = new StringBuilder("Sources:");
        for (Citation citation : citations) {
            text.append("\n- [").append(citation.ref()).append("] ").append(citation.title() == null ? "" : citation.title().strip());
            if (citation.url() != null && !citation.url().isBlank()) {
                text.append(" <").append(citation.url().strip()).append(">");
            }
        }
        return text.toString();
    }
}
