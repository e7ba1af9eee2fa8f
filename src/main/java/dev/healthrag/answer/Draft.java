package dev.healthrag.answer;

/**
 * What generation produced, before verification: the model's raw text, or an extractive draft, or (when the
 * model failed) nothing but the reason, so that completion answers extractively instead.
 */
public record Draft(AnswerMode mode, String text, String failure) {

    public static Draft fromModel(String text) {
        return new Draft(AnswerMode.LLM, text, null);
    }

    public static Draft modelFailed(String reason) {
        return new Draft(AnswerMode.LLM, null, reason);
    }

    public static Draft extractive(String text) {
        return new Draft(AnswerMode.EXTRACTIVE, text, null);
    }

    public boolean failed() {
        return failure != null;
    }
}
