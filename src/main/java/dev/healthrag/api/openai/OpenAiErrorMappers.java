package dev.healthrag.api.openai;

import dev.healthrag.api.ErrorResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.annotation.Annotation;

/**
 * Every error under /v1 in OpenAI's shape ({@link OpenAiError}), because OpenAI clients parse only that. This
 * channel's own checks throw {@link OpenAiException}, with the field to fix; every other failure (a 404 for an
 * unknown path, 405, 415, the database down, overload, a 500) is classified once, by the /api mappers, and its
 * {@link ErrorResponse} is re-shaped here, keeping the status and headers such as Retry-After.
 */
public class OpenAiErrorMappers {

    static final String PREFIX = "/v1/";
    /** Not the response's own: Quarkus has none to give when no method matched (a 415), and JSON needs none. */
    private static final Annotation[] NO_ANNOTATIONS = new Annotation[0];

    @ServerExceptionMapper
    public Response openAi(OpenAiException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(e.body()).build();
    }

    @ServerResponseFilter
    public void reshape(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof ErrorResponse error && onThisChannel(request.getUriInfo().getRequestUri().getPath())) {
            response.setEntity(OpenAiError.of(error.status(), error.error(), null, code(error.status())),
                    NO_ANNOTATIONS, MediaType.APPLICATION_JSON_TYPE);
        }
    }

    /** Whether a request path is this channel's, /v1 or under it. */
    public static boolean onThisChannel(String path) {
        return path != null && (path.startsWith(PREFIX) || path.equals("/v1"));
    }

    private static String code(int status) {
        return switch (status) {
            case 404 -> "not_found";
            case 503 -> "service_unavailable";
            default -> null;
        };
    }
}
