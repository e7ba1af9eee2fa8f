package dev.healthrag.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.healthrag.HealthRagConfig;
import dev.healthrag.answer.Disclaimer;
import dev.healthrag.store.StoreUnavailableException;
import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.nio.channels.ClosedChannelException;

/**
 * Turns every failure into a JSON body with a message and the disclaimer: no stack traces, no HTML error pages,
 * no empty bodies. A 503 carries Retry-After. A URI or a declared body over its limit is refused earlier, by
 * {@link RequestGuard}, in the same form.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    /** Jackson's own detail can quote a long stretch of the body; this much is enough to find the mistake. */
    private static final int DETAIL_LENGTH = 120;

    private final Disclaimer disclaimer;
    private final DatabaseOutage outage;
    private final int retryAfterSeconds;

    public ErrorMappers(Disclaimer disclaimer, DatabaseOutage outage, HealthRagConfig config) {
        this.disclaimer = disclaimer;
        this.outage = outage;
        this.retryAfterSeconds = config.api().retryAfterSeconds();
    }

    @ServerExceptionMapper
    public Response badInput(ApiException e) {
        return json(e.status(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return json(400, "The request body is not valid JSON (" + shorten(e.getOriginalMessage())
                + "). Send an object such as {\"question\": \"...\"}.");
    }

    /** Valid JSON of the wrong shape; overrides Quarkus's built-in mapper, which answers with an empty 400. */
    @ServerExceptionMapper
    public Response wrongJsonShape(MismatchedInputException e) {
        return json(400, JsonShapeMessage.of(e));
    }

    @ServerExceptionMapper
    public Response databaseDown(StoreUnavailableException e) {
        outage.observed(false);
        if (e instanceof DatabaseOutage.Refused) {
            LOG.debug(e.getMessage()); // the request that found the database down has logged it
        } else {
            LOG.warn(e.getMessage());
        }
        return Response.fromResponse(json(503, "The article database is unavailable right now; try again in "
                + retryAfterSeconds + " seconds.")).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof MismatchedInputException shape) {
            return wrongJsonShape(shape);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        return json(status, e.getMessage() == null ? Response.Status.fromStatusCode(status).getReasonPhrase() : e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (clientWentAway(e)) {
            // Nobody is left to read an answer, and a stack trace per dropped client would flood the log.
            LOG.debugf("The client closed the connection before the request was read: %s", e.getMessage());
            return json(400, "The connection was closed before the request arrived.");
        }
        LOG.error("Unexpected error", e);
        return json(500, "Something went wrong on our side; the error has been logged.");
    }

    private static boolean clientWentAway(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof HttpClosedException || cause instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    private Response json(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(status, message, disclaimer.text())).build();
    }

    private static String shorten(String detail) {
        return detail == null || detail.length() <= DETAIL_LENGTH ? detail : detail.substring(0, DETAIL_LENGTH) + "...";
    }
}
