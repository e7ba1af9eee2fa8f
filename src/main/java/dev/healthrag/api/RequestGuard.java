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
 * security headers are set.
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

    private final ObjectMapper json;
    private final Disclaimer disclaimer;
    private final int maxUriLength;
    private final long maxBodySize;

    public RequestGuard(ObjectMapper json, Disclaimer disclaimer, HealthRagConfig config,
                        @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.json = json;
        this.disclaimer = disclaimer;
        this.maxUriLength = config.api().maxUriLength();
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
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
            context.next();
        }
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
