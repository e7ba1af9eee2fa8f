package dev.healthrag.api.openai;

/** A /v1 request the client must fix, answered in OpenAI's error shape with the field to fix and a code. */
public class OpenAiException extends RuntimeException {

    private final int status;
    private final String param;
    private final String code;

    public OpenAiException(int status, String message, String param, String code) {
        super(message);
        this.status = status;
        this.param = param;
        this.code = code;
    }

    public static OpenAiException invalid(String message, String param, String code) {
        return new OpenAiException(400, message, param, code);
    }

    public int status() {
        return status;
    }

    public OpenAiError body() {
        return OpenAiError.of(status, getMessage(), param, code);
    }
}
