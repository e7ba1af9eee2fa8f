package dev.healthrag.retrieval;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.store.ChunkHit;
import dev.healthrag.store.ChunkSearch;
import dev.healthrag.store.SchemaMigrator;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Dense and lexical search fused by reciprocal rank, then diversified per article. */
@ApplicationScoped
public class HybridContentRetriever {

    private final Embedder embedder;
    private final ChunkSearch search;
    private final HealthRagConfig.Retrieval config;
    private final ReciprocalRankFuser fuser;
    private final SchemaMigrator migrator;

    public HybridContentRetriever(Embedder embedder, ChunkSearch search, SchemaMigrator migrator, HealthRagConfig config) {
        this.embedder = embedder;
        this.migrator = migrator;
        this.search = search;
        this.config = config.retrieval();
        this.fuser = new ReciprocalRankFuser(this.config.rrfK(), this.config.denseWeight(), this.config.lexicalWeight());
    }

    public List<RetrievedChunk> retrieve(RetrievalRequest request) {
        // A service started while the database was down gets its schema once the database is back.
        migrator.ensureMigrated();
        float[] queryVector = embedder.embedQuery(request.query());
        int depth = Math.max(request.topK(), 1);
        List<ChunkHit> dense = request.mode().usesDense()
                ? search.dense(queryVector, request.filter(), Math.max(config.denseCandidates(), depth))
                : List.of();
        String lexicalQuery = LexicalQuery.of(request.query());
        List<ChunkHit> lexical = request.mode().usesLexical() && !lexicalQuery.isEmpty()
                ? search.lexical(lexicalQuery, queryVector, request.filter(), Math.max(config.lexicalCandidates(), depth))
                : List.of();
        List<RetrievedChunk> fused = fuser.fuse(dense, lexical);
        return ArticleDiversifier.diversify(fused, request.topK(), config.maxChunksPerArticle());
    }
}
