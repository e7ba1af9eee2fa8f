package dev.healthrag.api;

import dev.healthrag.answer.Disclaimer;
import dev.healthrag.retrieval.HybridContentRetriever;
import dev.healthrag.retrieval.RetrievalMode;
import dev.healthrag.retrieval.Retrieval;
import dev.healthrag.retrieval.RetrievalRequest;
import dev.healthrag.retrieval.RetrievedChunk;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.stream.IntStream;

@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final HybridContentRetriever retriever;
    private final RequestLimits limits;
    private final Disclaimer disclaimer;
    private final DatabaseOutage outage;

    public SearchResource(HybridContentRetriever retriever, RequestLimits limits, Disclaimer disclaimer,
                          DatabaseOutage outage) {
        this.retriever = retriever;
        this.limits = limits;
        this.disclaimer = disclaimer;
        this.outage = outage;
    }

    /** {@code k} is read as text so that a non-integer is a 400 saying so, not the 404 JAX-RS gives it. */
    @GET
    @Operation(summary = "The ranked chunks for a query, with dense rank, lexical rank and fused score")
    public SearchResponse search(@QueryParam("q") String q,
                                 @QueryParam("k") @DefaultValue("10") String k,
                                 @QueryParam("mode") @DefaultValue("hybrid") String mode,
                                 @QueryParam("category") String category,
                                 @QueryParam("tag") List<String> tags,
                                 @QueryParam("source") String source,
                                 @QueryParam("publishedAfter") String publishedAfter) {
        String query = limits.question(q, "q");
        int topK = limits.topK(k, "k");
        RetrievalMode retrievalMode = parseMode(mode);
        RetrievalRequest request = new RetrievalRequest(query, retrievalMode, topK,
                Filters.toArticleFilter(new Filters(category, tags, source, publishedAfter), limits));
        Retrieval retrieval = outage.guard(() -> retriever.retrieveExplained(request));
        List<RetrievedChunk> chunks = retrieval.chunks();
        List<SearchResult> results = IntStream.range(0, chunks.size())
                .mapToObj(i -> SearchResult.of(i + 1, chunks.get(i))).toList();
        return new SearchResponse(query, retrievalMode.name().toLowerCase(),
                SearchInterpretation.of(retrieval.query()),
                retrieval.alternativeQuery(), results, disclaimer.text());
    }

    private static RetrievalMode parseMode(String mode) {
        try {
            return RetrievalMode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
