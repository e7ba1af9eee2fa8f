package dev.healthrag.retrieval;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.retrieval.ReciprocalRankFuser.Kind;
import dev.healthrag.retrieval.ReciprocalRankFuser.RankedList;
import dev.healthrag.store.ArticleVectors;
import dev.healthrag.store.ChunkHit;
import dev.healthrag.store.ChunkSearch;
import dev.healthrag.store.ChunkSource;
import dev.healthrag.store.SearchFilter;
import dev.healthrag.store.SchemaMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Dense search (the question with its corrections and clinical terms) and lexical search (full
 * text weighted by rarity, and article names found in the question), with the same searches for an
 * {@link AlternativeQuery} when there is one and word searches of the parts of a message (its subject line's
 * conditions, its questions when it asks several), fused by reciprocal rank, then diversified per article.
 */
@ApplicationScoped
public class HybridContentRetriever {

    private final Embedder embedder;
    private final ChunkSearch search;
    private final ArticleVectors articleVectors;
    private final QueryAnalyzer analyzer;
    private final SchemaMigrator migrator;
    private final HealthRagConfig.Retrieval config;
    private final ReciprocalRankFuser fuser;
    private final FusionWeights weights;
    private final AlternativeQuery alternatives;
    private final ManagedExecutor executor;
    private final RetrievalMetrics metrics;
    /**
     * Questions retrieved at once, the rest behind a bounded queue. Retrieval is CPU work (the query's embedding
     * here, its searches in PostgreSQL): many more questions at once than cores only time-share the cores and
     * evict each other's caches, while one more than cores keeps a core busy when a question waits on a round
     * trip. The runs that chose one more than cores are in docs/performance.md. The queue is bounded in
     * length and in time so that under overload a question is refused quickly ({@link RetrievalBusyException})
     * instead of holding a worker thread in a queue that only grows.
     */
    private final RetrievalSlots slots;
    private final int cores = Runtime.getRuntime().availableProcessors();

    public HybridContentRetriever(Embedder embedder, ChunkSearch search, ArticleVectors articleVectors,
                                  QueryAnalyzer analyzer, SchemaMigrator migrator, HealthRagConfig config,
                                  AlternativeQuery alternatives, ManagedExecutor executor, RetrievalMetrics metrics) {
        this.embedder = embedder;
        this.search = search;
        this.articleVectors = articleVectors;
        this.analyzer = analyzer;
        this.migrator = migrator;
        this.config = config.retrieval();
        this.fuser = new ReciprocalRankFuser(this.config.rrfK());
        this.weights = FusionWeights.of(config);
        this.alternatives = alternatives;
        this.executor = executor;
        this.metrics = metrics;
        int concurrency = this.config.concurrency() > 0 ? this.config.concurrency()
                : Runtime.getRuntime().availableProcessors() + 1;
        int maxWaiting = this.config.maxQueueLength() > 0 ? this.config.maxQueueLength() : 4 * concurrency;
        this.slots = new RetrievalSlots(concurrency, maxWaiting, this.config.maxQueueWait());
    }

    /** The chunks of {@link #retrieveExplained}, which says when it throws. */
    public List<RetrievedChunk> retrieve(RetrievalRequest request) {
        return retrieveExplained(request).chunks();
    }

    /**
     * @throws RetrievalBusyException when every slot stays busy: too many questions already wait, or none came
     *                                free within {@code healthrag.retrieval.max-queue-wait}
     */
    public Retrieval retrieveExplained(RetrievalRequest request) {
        // Asked before taking a slot: waiting for a model is not the CPU work slots ration.
        String alternative = request.alternative() && weights.alternative() > 0
                ? alternatives.forMessage(request.query()).orElse(null) : null;
        try (RetrievalSlots.Slot slot = slots.acquire()) {
            return retrieveNow(request, alternative, slots.taken() < cores);
        }
    }

    /** @param coreFree whether fewer questions are in retrieval than there are cores */
    private Retrieval retrieveNow(RetrievalRequest request, String alternative, boolean coreFree) {
        // A service started while the database was down gets its schema once the database is back.
        migrator.ensureMigrated();
        long started = System.nanoTime();
        CompletableFuture<float[]> asTyped = coreFree ? embedAsTyped(request) : null;
        AnalyzedQuery query = analyzer.analyze(request.query());
        AnalyzedQuery alternativeQuery = alternative == null ? null : analyzer.analyze(alternative);
        long embedStart = System.nanoTime();
        float[] queryVector = vectorOf(query.denseText(), request, asTyped);
        float[] alternativeVector = alternativeQuery == null || !request.mode().usesDense() ? null
                : embedder.embedQuery(alternativeQuery.denseText());
        long searchStart = System.nanoTime();
        SearchFilter filter = request.filter().toSearchFilter();
        List<Planned> planned = new ArrayList<>();
        if (request.mode().usesDense()) {
            int depth = Math.max(config.denseCandidates(), request.topK());
            planned.add(new Planned(ChunkSearch.dense(queryVector, filter, depth), Kind.DENSE,
                    weights.dense()));
        }
        if (request.mode().usesLexical()) {
            int depth = Math.max(config.lexicalCandidates(), request.topK());
            if (!query.lexicalTerms().isEmpty()) {
                planned.add(new Planned(ChunkSearch.lexical(
                        query.lexicalTerms().stream().map(AnalyzedQuery.WeightedTerm::term).toList(),
                        query.lexicalTerms().stream().map(AnalyzedQuery.WeightedTerm::idf).toList(),
                        queryVector, filter, depth), Kind.LEXICAL, weights.lexical()));
            }
            planned.add(new Planned(ChunkSearch.byName(query.namePhrases(), queryVector, filter,
                    config.nameCandidates()), Kind.LEXICAL, weights.name()));
            if (weights.subject() > 0) {
                planParts(MessageSubject.parts(request.query()), weights.subject(), queryVector, filter, depth, planned);
            }
            if (weights.question() > 0) {
                planParts(MessageQuestions.of(request.query()), weights.question(), queryVector, filter, depth,
                        planned);
            }
        }
        if (alternativeQuery != null) {
            planAlternative(alternativeQuery, alternativeVector, queryVector, request, filter, planned);
        }
        List<List<ChunkHit>> hits = coreFree ? runConcurrently(planned)
                : search.run(planned.stream().map(Planned::search).toList());
        List<RankedList> lists = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            lists.add(new RankedList(planned.get(i).kind(), hits.get(i), planned.get(i).weight()));
        }
        List<RetrievedChunk> fused = fuser.fuse(lists);
        long searched = System.nanoTime();
        boolean rerank = weights.article() > 0 && request.mode() == RetrievalMode.HYBRID && !fused.isEmpty();
        if (rerank) {
            fused = withArticleMatch(fused, queryVector, query.chunksVersion());
        }
        long reranked = rerank ? System.nanoTime() : searched;
        List<RetrievedChunk> chosen = ArticleDiversifier.diversify(fused, request.topK(),
                config.maxChunksPerArticle());
        Map<String, ChunkSource> sources = search.sources(chosen.stream().map(RetrievedChunk::chunkId).toList());
        long textsRead = System.nanoTime();
        metrics.record(started, searchStart, searched, reranked, textsRead);
        return new Retrieval(query, queryVector,
                // A chunk whose row is gone (its article re-ingested since the search) is left out, not shown empty.
                chosen.stream().filter(chunk -> sources.containsKey(chunk.chunkId()))
                        .map(chunk -> chunk.withSource(sources.get(chunk.chunkId()))).toList(),
                Duration.ofNanos(searchStart - embedStart), Duration.ofNanos(textsRead - searchStart),
                alternative);
    }

    /**
     * The hits of each planned search, in the order planned, the dense searches and the word searches run at once
     * ({@link ChunkSearch#runConcurrently}). Only while a core is free: a second connection and thread per
     * question shorten one question's wait but cost throughput once every core is busy (both measured in
     * docs/performance.md).
     */
    private List<List<ChunkHit>> runConcurrently(List<Planned> planned) {
        List<Integer> dense = new ArrayList<>();
        List<Integer> words = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            (planned.get(i).kind() == Kind.DENSE ? dense : words).add(i);
        }
        List<List<ChunkHit>> found = search.runConcurrently(
                dense.stream().map(i -> planned.get(i).search()).toList(),
                words.stream().map(i -> planned.get(i).search()).toList());
        List<List<ChunkHit>> hits = new ArrayList<>(Collections.nCopies(planned.size(), List.of()));
        for (int i = 0; i < dense.size(); i++) {
            hits.set(dense.get(i), found.get(i));
        }
        for (int i = 0; i < words.size(); i++) {
            hits.set(words.get(i), found.get(dense.size() + i));
        }
        return hits;
    }

    /**
     * The alternative query's own dense, full-text and name searches, each weighted
     * {@code healthrag.llm.search-query.weight}. Every hit's similarity is to the message's vector, as is the
     * order of an article's chunks in its full-text and name hits: the relevance gate judges what was found
     * against what the person wrote, not against what a model made of it, and the message says best which of
     * an article's sections it asks about.
     */
    private void planAlternative(AnalyzedQuery alternative, float[] alternativeVector, float[] queryVector,
                                 RetrievalRequest request, SearchFilter filter, List<Planned> planned) {
        if (alternativeVector != null) {
            planned.add(new Planned(ChunkSearch.dense(queryVector, alternativeVector, filter,
                    Math.max(config.denseCandidates(), request.topK())), Kind.DENSE, weights.alternative()));
        }
        if (!request.mode().usesLexical()) {
            return;
        }
        if (!alternative.lexicalTerms().isEmpty()) {
            planned.add(new Planned(ChunkSearch.lexical(
                    alternative.lexicalTerms().stream().map(AnalyzedQuery.WeightedTerm::term).toList(),
                    alternative.lexicalTerms().stream().map(AnalyzedQuery.WeightedTerm::idf).toList(),
                    queryVector, filter, Math.max(config.lexicalCandidates(), request.topK())), Kind.LEXICAL,
                    weights.alternative()));
        }
        planned.add(new Planned(ChunkSearch.byName(alternative.namePhrases(), queryVector, filter,
                config.nameCandidates()), Kind.LEXICAL, weights.alternative()));
    }

    /**
     * Parts of a message searched on their own, each its full text and its names, each list weighted
     * {@code weight}: the conditions of its subject line ({@link MessageSubject},
     * {@code healthrag.retrieval.subject-weight}) or its questions when it asks several ({@link MessageQuestions},
     * {@code healthrag.retrieval.question-weight}). No second embedding: the message's own vector orders each
     * article's chunks.
     */
    private void planParts(List<String> parts, double weight, float[] queryVector, SearchFilter filter, int depth,
                           List<Planned> planned) {
        for (String part : parts) {
            AnalyzedQuery analyzed = analyzer.analyze(part);
            if (!analyzed.lexicalTerms().isEmpty()) {
                planned.add(new Planned(ChunkSearch.lexical(
                        analyzed.lexicalTerms().stream().map(AnalyzedQuery.WeightedTerm::term).toList(),
                        analyzed.lexicalTerms().stream().map(AnalyzedQuery.WeightedTerm::idf).toList(),
                        queryVector, filter, depth), Kind.LEXICAL, weight));
            }
            planned.add(new Planned(ChunkSearch.byName(analyzed.namePhrases(), queryVector, filter,
                    config.nameCandidates()), Kind.LEXICAL, weight));
        }
    }

    /**
     * The fusion again with the leading {@code healthrag.retrieval.article-candidates} articles ranked as whole
     * articles by their stored chunk vectors ({@link ArticleMatch}), weighted
     * {@code healthrag.retrieval.article-weight}. No embedding, and no round trip for the articles whose vectors
     * are still in memory ({@link ArticleVectors}).
     */
    private List<RetrievedChunk> withArticleMatch(List<RetrievedChunk> fused, float[] queryVector, long chunksVersion) {
        List<RetrievedChunk> leaders = ArticleMatch.leaders(fused, config.articleCandidates());
        List<ChunkHit> chunks = articleVectors.chunksOf(leaders.stream().map(RetrievedChunk::articleId).toList(),
                queryVector, chunksVersion);
        return fuser.withArticleRanks(fused, ArticleMatch.rank(leaders, chunks, config.articleSections()),
                weights.article());
    }

    /**
     * The message's embedding as typed, started on the free core while the analysis (a lexicon round trip and
     * spelling look-ups) runs on this one: most questions are analysed into exactly the text they arrived as,
     * whose vector is then ready sooner. Null when the request brings its vector or searches no vectors. When
     * the analysis changes the text, this embedding is wasted work on a core that was idle.
     */
    private CompletableFuture<float[]> embedAsTyped(RetrievalRequest request) {
        if (!request.mode().usesDense() || request.embedded() != null) {
            return null;
        }
        String typed = request.query();
        return executor.supplyAsync(() -> embedder.embedQuery(typed));
    }

    /**
     * The vector the request brought when it is of exactly this text (triage's, for a message that analysis and
     * rewriting leave as typed), else the one {@code asTyped} computes when the text is the message as typed,
     * else the model's: a rewritten or expanded query is a different text.
     */
    private float[] vectorOf(String denseText, RetrievalRequest request, CompletableFuture<float[]> asTyped) {
        float[] given = request.embedded() == null ? null : request.embedded().vectorFor(denseText);
        if (given != null) {
            return given;
        }
        if (asTyped != null && denseText.equals(request.query())) {
            try {
                return asTyped.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        return embedder.embedQuery(denseText);
    }

    /** A search to run, and how its ranking counts in the fusion. */
    private record Planned(ChunkSearch.Search search, Kind kind, double weight) {
    }
}
