package dev.healthrag.api;

import dev.healthrag.answer.Disclaimer;
import dev.healthrag.retrieval.RetrievalBusyException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * An overloaded service answers 503 with {@code Retry-After} (whole seconds) and the usual JSON error body,
 * on every endpoint that retrieves. Not logged per request: under overload that would flood the log.
 */
public class BusyMapper {

    private final Disclaimer disclaimer;

    public BusyMapper(Disclaimer disclaimer) {
        this.disclaimer = disclaimer;
    }

    @ServerExceptionMapper
    public Response busy(RetrievalBusyException e) {
        return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfter().toSeconds())
                .entity(new ErrorResponse(503, e.getMessage(), disclaimer.text())).build();
    }
}
