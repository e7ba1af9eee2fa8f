package dev.healthrag.api.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;

/**
 * Routes a chat-completions request to the JSON or the streaming method of {@link ChatCompletionResource}.
 * OpenAI clients ask for a stream in the body ({@code "stream": true}), not in {@code Accept}, and JAX-RS never
 * looks at the body to choose a method; so this reads the body (within quarkus.http.limits.max-body-size) just
 * before Quarkus REST does, and sets {@code Accept} to {@code text/event-stream} when the body's top-level
 * {@code stream} is true and to {@code application/json} otherwise, malformed JSON included (the JSON method then
 * reports it). Quarkus REST reads the body this handler has buffered.
 */
@ApplicationScoped
public class StreamDispatch {

    private static final JsonFactory JSON = new JsonFactory();

    private final long maxBodySize;

    public StreamDispatch(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.post("/v1/chat/completions").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodySize))
                .handler(this::dispatch);
    }

    private void dispatch(RoutingContext context) {
        boolean stream = wantsStream(context.body().buffer());
        context.request().headers().set(HttpHeaders.ACCEPT,
                stream ? MediaType.SERVER_SENT_EVENTS : MediaType.APPLICATION_JSON);
        context.next();
    }

    /** Whether the body is a JSON object whose top-level {@code stream} is {@code true}. */
    static boolean wantsStream(Buffer body) {
        if (body == null || body.length() == 0) {
            return false;
        }
        try (JsonParser parser = JSON.createParser(body.getBytes())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            boolean stream = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("stream".equals(field)) {
                    stream = value == JsonToken.VALUE_TRUE;
                }
                parser.skipChildren();
            }
            return stream;
        } catch (IOException e) {
            return false;
        }
    }
}
