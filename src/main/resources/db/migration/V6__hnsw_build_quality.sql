-- pgvector's default graph (m = 16, ef_construction = 64) found only 77% / 89% of the true 10 nearest chunks
-- at hnsw.ef_search 40 / 100 on the 100,000-chunk bench corpus. A wider candidate list while building gives
-- 86% / 97% at the same search cost (./healthrag bench --recall-only); it makes each insert dearer, but an
-- insert is ~1 ms against ~90 ms of CPU to embed the chunk.
DROP INDEX chunks_embedding_hnsw_idx;
SET LOCAL maintenance_work_mem = '512MB';
CREATE INDEX chunks_embedding_hnsw_idx ON chunks USING hnsw (embedding vector_cosine_ops)
    WITH (m = 16, ef_construction = 200);
