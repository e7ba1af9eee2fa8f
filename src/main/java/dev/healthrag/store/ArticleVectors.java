package dev.healthrag.store;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.embedding.Vectors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every stored chunk of the given articles with its similarity to a question, for ranking them again as whole
 * articles, from a copy in memory of the vectors of the articles ranked lately: the articles that lead one
 * question's fusion lead the next one's on the same subject, and their vectors then cost no round trip.
 * <p>
 * An article not in the copy is compared in PostgreSQL, as {@link ChunkSearch#chunksOf} does, and its vectors are
 * then read into the copy in the background: reading them costs more than the comparison (their bytes, not the
 * round trip), so a question never waits for it. The copy is of one version of the stored chunks
 * ({@code corpus_size.chunks_version}, which V13's triggers move whenever a chunk is written or removed, whoever
 * writes it): a question passes the version its word counts were read at, another one than the copy's drops the
 * copy, and vectors read at another version than the copy's are not kept. It holds at most
 * {@code healthrag.retrieval.article-vectors-mb} of vectors and starts again empty when the next articles would not
 * fit: simpler to trust than an eviction order, and the articles in use come back within a few questions. 0 keeps
 * nothing.
 */
@Startup
@ApplicationScoped
public class ArticleVectors {

    private static final Logger LOG = Logger.getLogger(ArticleVectors.class);
    /**
     * What one kept chunk costs besides its floats and the characters of its id and heading: the array's header,
     * the record, the two strings' objects, its place in the article's list and a share of the map's entry.
     */
    private static final long CHUNK_OVERHEAD_BYTES = 160;

    private final Database database;
    private final ChunkSearch search;
    private final ManagedExecutor executor;
    private final long maxBytes;
    private final Counter fromMemory;
    private final Counter fromDatabase;
    private final AtomicReference<Copy> copy = new AtomicReference<>(new Copy(-1));
    /** Articles whose vectors are being read into the copy, so that a burst of questions reads them once. */
    private final Set<String> reading = ConcurrentHashMap.newKeySet();

    @Inject
    public ArticleVectors(Database database, ChunkSearch search, ManagedExecutor executor, HealthRagConfig config,
                          MeterRegistry registry) {
        this(database, search, executor, maxBytes(config.retrieval().articleVectorsMb()), registry);
    }

    /** A copy of at most {@code maxBytes}, as its estimate counts them; for tests of the cap in small sizes. */
    ArticleVectors(Database database, ChunkSearch search, ManagedExecutor executor, long maxBytes,
                   MeterRegistry registry) {
        this.database = database;
        this.search = search;
        this.executor = executor;
        this.maxBytes = maxBytes;
        this.fromMemory = counter(registry, "memory");
        this.fromDatabase = counter(registry, "database");
    }

    private static long maxBytes(int megabytes) {
        if (megabytes < 0) {
            throw new IllegalArgumentException("healthrag.retrieval.article-vectors-mb must be 0 (keep none) or more,"
                    + " not " + megabytes);
        }
        return megabytes * 1024L * 1024L;
    }

    private static Counter counter(MeterRegistry registry, String source) {
        return Counter.builder("healthrag.retrieval.article_vectors").tag("from", source)
                .description("articles a whole-article ranking compared in memory, or in the database when not kept")
                .register(registry);
    }

    /**
     * Every chunk of the given articles with its cosine similarity to {@code queryVector} (and no lexical score),
     * as {@link ChunkSearch#chunksOf} finds them; an article with no stored chunk has none.
     *
     * @param version the version of the stored chunks the question read ({@link Lexicon.Lookup#chunksVersion})
     */
    public List<ChunkHit> chunksOf(List<String> articleIds, float[] queryVector, long version) {
        Copy current = current(version);
        double queryNorm = Vectors.norm(queryVector);
        List<ChunkHit> hits = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String articleId : articleIds) {
            List<StoredVector> kept = current.byArticle.get(articleId);
            if (kept == null) {
                missing.add(articleId);
                continue;
            }
            for (StoredVector chunk : kept) {
                hits.add(new ChunkHit(chunk.chunkId(), articleId, chunk.position(), chunk.heading(),
                        similarity(queryVector, queryNorm, chunk), 0.0));
            }
        }
        fromMemory.increment(articleIds.size() - missing.size());
        if (!missing.isEmpty()) {
            fromDatabase.increment(missing.size());
            hits.addAll(search.run(List.of(ChunkSearch.chunksOf(missing, queryVector))).get(0));
            readInBackground(missing);
        }
        return hits;
    }

    private void readInBackground(List<String> articleIds) {
        if (maxBytes == 0) {
            return;
        }
        List<String> claimed = articleIds.stream().filter(reading::add).toList();
        if (claimed.isEmpty()) {
            return;
        }
        try {
            executor.runAsync(() -> {
                try {
                    keep(read(claimed));
                } finally {
                    claimed.forEach(reading::remove);
                }
            }).exceptionally(failure -> {
                // Only a copy went unmade: the next question compares these articles in the database again.
                LOG.debugf(failure, "Reading the vectors of %d articles into memory failed", claimed.size());
                return null;
            });
        } catch (RuntimeException refused) {
            claimed.forEach(reading::remove);
            LOG.debugf(refused, "No thread to read the vectors of %d articles into memory", claimed.size());
        }
    }

    /**
     * The copy for a question that read {@code version}: a fresh empty one when the version differs, newer (the
     * chunks moved on) or older (a database restored or recreated under the same URL, or a question that read just
     * before a write; the next question makes the copy again, at worst).
     */
    private Copy current(long version) {
        Copy current = copy.get();
        while (version != current.version) {
            Copy fresh = new Copy(version);
            if (copy.compareAndSet(current, fresh)) {
                return fresh;
            }
            current = copy.get();
        }
        return current;
    }

    /** Keeps what was read when it is of the copy's version, in a fresh copy when it would not fit. */
    private void keep(Read read) {
        if (read.byArticle().isEmpty() || read.bytes() > maxBytes) {
            return;
        }
        Copy current = copy.get();
        if (current.version != read.version()) {
            return;
        }
        if (current.bytes.addAndGet(read.bytes()) > maxBytes) {
            Copy fresh = new Copy(read.version());
            fresh.bytes.set(read.bytes());
            if (!copy.compareAndSet(current, fresh)) {
                return;
            }
            current = fresh;
        }
        current.byArticle.putAll(read.byArticle());
    }

    /** The estimated bytes of the vectors kept now. */
    long keptBytes() {
        return copy.get().bytes.get();
    }

    private Read read(List<String> articleIds) {
        return database.readForSearch(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT s.chunks_version, c.article_id, c.id, c.position, c.heading, vector_send(c.embedding)
                    FROM corpus_size s JOIN chunks c ON c.article_id = ANY (?)
                    ORDER BY c.article_id, c.position""")) {
                statement.setArray(1, connection.createArrayOf("text", articleIds.toArray()));
                Map<String, List<StoredVector>> byArticle = new HashMap<>();
                long version = -1;
                long bytes = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        version = rows.getLong(1);
                        String chunkId = rows.getString(3);
                        String heading = rows.getString(5);
                        float[] vector = floats(rows.getBytes(6));
                        byArticle.computeIfAbsent(rows.getString(2), id -> new ArrayList<>()).add(new StoredVector(
                                chunkId, rows.getInt(4), heading, vector, Vectors.norm(vector)));
                        bytes += 4L * vector.length + chunkId.length() + heading.length() + CHUNK_OVERHEAD_BYTES;
                    }
                }
                byArticle.replaceAll((id, chunks) -> List.copyOf(chunks));
                return new Read(version, byArticle, bytes);
            }
        });
    }

    /**
     * A vector in pgvector's own binary form ({@code vector_send}: the dimension and an unused word, two bytes each,
     * then the floats, big-endian): the floats as stored, with no decimal text to print and parse.
     */
    private static float[] floats(byte[] sent) {
        ByteBuffer buffer = ByteBuffer.wrap(sent);
        int dimension = buffer.getShort() & 0xFFFF;
        buffer.getShort();
        if (buffer.remaining() != 4 * dimension) {
            throw new IllegalStateException("a stored vector of " + dimension + " dimensions came as " + sent.length
                    + " bytes");
        }
        float[] vector = new float[dimension];
        buffer.asFloatBuffer().get(vector);
        return vector;
    }

    /** Cosine similarity as pgvector's {@code 1 - (a <=> b)} gives it, kept within [-1, 1] as it does. */
    private static double similarity(float[] query, double queryNorm, StoredVector chunk) {
        return Math.max(-1, Math.min(1, Vectors.cosine(query, queryNorm, chunk.vector(), chunk.norm())));
    }

    private record StoredVector(String chunkId, int position, String heading, float[] vector, double norm) {
    }

    /** Rows read together, at the version they were read at (-1 when none). */
    private record Read(long version, Map<String, List<StoredVector>> byArticle, long bytes) {
    }

    /** The vectors kept of one version of the stored chunks. */
    private static final class Copy {
        final long version;
        final Map<String, List<StoredVector>> byArticle = new ConcurrentHashMap<>();
        final AtomicLong bytes = new AtomicLong();

        Copy(long version) {
            this.version = version;
        }
    }
}
