package dev.healthrag.answer;

import java.time.Duration;

/**
 * What generation produced, before verification: the model's raw text, or an extractive draft, or (when the
 * model failed) nothing but the reason, so that completion answers extractively instead. {@code tokens} are
 * what the model reported (null when it reported none or was not asked), {@code took} how long generation took
 * (null when not measured).
 */
public record Draft(AnswerMode mode, String text, String failure, TokenCount tokens, Duration took) {

    public Draft(AnswerMode mode, String text, String failure) {
        this(mode, text, failure, null, null);
    }

    public static Draft fromModel(String text) {
        return new Draft(AnswerMode.LLM, text, null);
    }

    public static Draft fromModel(ModelReply reply) {
        return new Draft(AnswerMode.LLM, reply.text(), null, reply.tokens(), null);
    }

    public static Draft modelFailed(String reason) {
        return new Draft(AnswerMode.LLM, null, reason);
    }

    public static Draft extractive(String text) {
        return new Draft(AnswerMode.EXTRACTIVE, text, null);
    }

    /** This draft carrying the tokens a model call used, even if its own text is not the model's. */
    public Draft withTokens(TokenCount used) {
        return new Draft(mode, text, failure, used, took);
    }

    public Draft took(Duration duration) {
        return new Draft(mode, text, failure, tokens, duration);
    }

    public boolean failed() {
        return failure != null;
    }
}
