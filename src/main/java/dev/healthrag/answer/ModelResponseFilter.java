package dev.healthrag.answer;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Turns an error status from the model's chat endpoint into a {@link ModelHttpException} carrying the status and
 * the Retry-After header, before the OpenAI client reduces it to a status and a body. Registered for the REST
 * clients of the application, of which the model's is the only one; other paths pass untouched.
 */
@Provider
public class ModelResponseFilter implements ClientResponseFilter {

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || !request.getUri().getPath().endsWith("/chat/completions")) {
            return;
        }
        throw new ModelHttpException(status, retryAfter(response.getHeaderString(HttpHeaders.RETRY_AFTER)));
    }

    /** Seconds or an HTTP date (RFC 9110); null when absent or unreadable, so the usual backoff applies. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
