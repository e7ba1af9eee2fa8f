package dev.healthrag.api.openai;

/**
 * OpenAI's error body, {@code {"error": {"message", "type", "param", "code"}}}, which every OpenAI client parses
 * into its own exception: {@code param} names the request field to fix (or is null), {@code code} is a short
 * machine-readable reason (or null).
 */
public record OpenAiError(Detail error) {

    public static final String INVALID_REQUEST = "invalid_request_error";
    public static final String SERVER_ERROR = "server_error";

    public record Detail(String message, String type, String param, String code) {
    }

    /** The body for an HTTP status: 4xx are the client's to fix, anything else is the server's. */
    public static OpenAiError of(int status, String message, String param, String code) {
        return new OpenAiError(new Detail(message, status >= 400 && status < 500 ? INVALID_REQUEST : SERVER_ERROR,
                param, code));
    }
}
