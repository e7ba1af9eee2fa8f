package dev.healthrag.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healthrag.HealthRagConfig;
import dev.healthrag.answer.Disclaimer;
import dev.healthrag.api.openai.OpenAiError;
import dev.healthrag.api.openai.OpenAiErrorMappers;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses, with the same JSON error body as every other failure, the requests that Vert.x and Quarkus would
 * otherwise refuse with an empty body: a URI over healthrag.api.max-uri-length (414) and a declared body over
 * quarkus.http.limits.max-body-size (413). It runs just before Quarkus's own body-size check and after the
 * security headers are set. It also bounds how long a client may take to send its body
 * (healthrag.api.body-read-timeout): Vert.x's idle timeout only notices silence, so a client that sends a byte
 * every second would otherwise hold its connection open for as long as it likes.
 * <p>
 * Some requests never reach a handler and still get an empty body, since Vert.x and Quarkus answer them before
 * routing with no hook (quarkus#55082): a URI that java.net.URI rejects, such as a bad %-escape (400), a request
 * line over quarkus.http.limits.max-initial-line-length (414), headers over quarkus.http.limits.max-header-size
 * (431), and a chunked body that grows past the limit while it is read (413).
 * <p>
 * Under /v1 (the OpenAI-compatible channel) the body is in OpenAI's error shape, which its clients parse.
 */
@ApplicationScoped
public class RequestGuard {

    private static final String TIMED_OUT = RequestGuard.class.getName() + ".bodyTimedOut";

    private final ObjectMapper json;
    private final Disclaimer disclaimer;
    private final int maxUriLength;
    private final long maxBodySize;
    private final long bodyReadTimeoutMillis;

    public RequestGuard(ObjectMapper json, Disclaimer disclaimer, HealthRagConfig config,
                        @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.json = json;
        this.disclaimer = disclaimer;
        this.maxUriLength = config.api().maxUriLength();
        this.maxBodySize = maxBodySize.asLongValue();
        this.bodyReadTimeoutMillis = config.api().bodyReadTimeout().toMillis();
        if (bodyReadTimeoutMillis <= 0) {
            throw new IllegalArgumentException("healthrag.api.body-read-timeout must be positive, got "
                    + config.api().bodyReadTimeout());
        }
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check)
                .failureHandler(this::afterTimeout);
    }

    /**
     * Once a slow body has been answered 408, Quarkus REST, still reading it, fails when the connection closes;
     * the client already has its answer, so that failure is not an error worth a log line.
     */
    private void afterTimeout(RoutingContext context) {
        if (context.get(TIMED_OUT) == null) {
            context.next();
        }
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String uri = request.uri();
        if (uri.length() > maxUriLength) {
            refuse(context, 414, "The request URI is " + uri.length() + " characters long; the limit is "
                    + maxUriLength + ". Send a shorter query.");
        } else if (declaredLength(request) > maxBodySize) {
            // The body is not read: the connection closes after the answer instead, as Quarkus's own check does.
            context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                    .endHandler(ended -> request.connection().close());
            refuse(context, 413, "The request body is over the limit of " + maxBodySize + " bytes.");
        } else {
            boundTheBodyRead(context);
            context.next();
        }
    }

    /** A body still incomplete after the timeout is answered 408 and its connection closed. */
    private void boundTheBodyRead(RoutingContext context) {
        HttpServerRequest request = context.request();
        long declared = declaredLength(request);
        if (request.isEnded() || declared == 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
            return;
        }
        long timer = context.vertx().setTimer(bodyReadTimeoutMillis, fired -> {
            // Quarkus REST consumes the body itself, so progress is read off the byte count, not isEnded().
            boolean incomplete = declared > 0 ? request.bytesRead() < declared : !request.isEnded();
            if (incomplete && !context.response().ended() && !context.response().headWritten()) {
                context.put(TIMED_OUT, Boolean.TRUE);
                context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                        .endHandler(ended -> request.connection().close());
                refuse(context, 408, "The request body did not arrive within " + bodyReadTimeoutMillis
                        + " ms; send the whole body at once.");
            }
        });
        context.addEndHandler(ended -> context.vertx().cancelTimer(timer));
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? 0 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return 0; // Vert.x's codec has already refused a request with a malformed Content-Length.
        }
    }

    private void refuse(RoutingContext context, int status, String message) {
        try {
            context.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(json.writeValueAsString(OpenAiErrorMappers.onThisChannel(context.request().path())
                            ? OpenAiError.of(status, message, null, null)
                            : new ErrorResponse(status, message, disclaimer.text())));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
