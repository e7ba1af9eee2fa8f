package dev.healthrag.api.openai;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** {@code GET /v1/models} and {@code /v1/models/{id}}: the one model, so that OpenAI clients can list and pick it. */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    /** When this channel first served the model (2026-12-02), in seconds since the epoch, as OpenAI's field is. */
    private static final long CREATED = 1_796_169_600L;
    private static final ModelList.Model HEALTHRAG = new ModelList.Model(ChatCompletionMapper.MODEL, "model",
            CREATED, "healthrag");

    @GET
    @Operation(summary = "OpenAI-compatible model list: the one model, \"healthrag\"")
    public ModelList list() {
        return new ModelList("list", List.of(HEALTHRAG));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "OpenAI-compatible model description; an unknown id is a 404 in OpenAI's error shape")
    public ModelList.Model model(@PathParam("id") String id) {
        ChatCompletionMapper.model(id);
        return HEALTHRAG;
    }
}
