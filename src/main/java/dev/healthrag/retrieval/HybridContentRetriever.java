package dev.healthrag.retrieval;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.store.ChunkHit;
import dev.healthrag.store.ChunkSearch;
import dev.healthrag.store.SchemaMigrator;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Dense and lexical search fused by reciprocal rank, then diversified per article. */
@ApplicationScoped
public class HybridContentRetriever {

    private final Embedder embedder;
    private final ChunkSearch search;
    private final QueryAnalyzer analyzer;
    private final SchemaMigrator migrator;
    private final HealthRagConfig.Retrieval config;
    private final ReciprocalRankFuser fuser;

    public HybridContentRetriever(Embedder embedder, ChunkSearch search, QueryAnalyzer analyzer,
                                  SchemaMigrator migrator, HealthRagConfig config) {
        this.embedder = embedder;
        this.search = search;
        this.analyzer = analyzer;
        this.migrator = migrator;
        this.config = config.retrieval();
        this.fuser = new ReciprocalRankFuser(this.config.rrfK(), this.config.denseWeight(), this.config.lexicalWeight());
    }

    public List<RetrievedChunk> retrieve(RetrievalRequest request) {
        // A service started while the database was down gets its schema once the database is back.
        migrator.ensureMigrated();
        AnalyzedQuery query = analyzer.analyze(request.query());
        float[] queryVector = embedder.embedQuery(query.denseText());
        List<List<ChunkHit>> dense = new ArrayList<>();
        if (request.mode().usesDense()) {
            int depth = Math.max(config.denseCandidates(), request.topK());
            dense.add(search.dense(queryVector, request.filter(), depth));
            if (query.condensedText() != null) {
                dense.add(search.dense(embedder.embedQuery(query.condensedText()), request.filter(), depth));
            }
        }
        List<ChunkHit> lexical = request.mode().usesLexical() && !query.lexicalTerms().isEmpty()
                ? search.lexical(query.lexicalTerms().stream().map(AnalyzedQuery.WeightedTerm::term).toList(),
                        query.lexicalTerms().stream().map(AnalyzedQuery.WeightedTerm::idf).toList(), queryVector,
                        request.filter(), Math.max(config.lexicalCandidates(), request.topK()))
                : List.of();
        List<RetrievedChunk> fused = fuser.fuseAll(dense, lexical);
        return ArticleDiversifier.diversify(fused, request.topK(), config.maxChunksPerArticle());
    }
}
