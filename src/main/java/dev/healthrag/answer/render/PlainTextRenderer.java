package dev.healthrag.answer.render;

import dev.healthrag.answer.Answer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Emergency guidance first, then the body with its [n] markers, then the disclaimer; blank-line separated. */
@ApplicationScoped
public class PlainTextRenderer implements AnswerRenderer {

    @Override
    public String render(Answer answer) {
        List<String> parts = new ArrayList<>(3);
        if (answer.emergencyNotice() != null) {
            parts.add(answer.emergencyNotice());
        }
        if (!answer.body().isBlank()) {
            parts.add(answer.body().strip());
        }
        parts.add(answer.disclaimer());
        return String.join("\n\n", parts);
    }
}
