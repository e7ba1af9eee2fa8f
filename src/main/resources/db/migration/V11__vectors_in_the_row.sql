-- pgvector declares its type STORAGE external, so a chunk row over PostgreSQL's ~2 kB toast threshold (the
-- text, the stored tsvector and a 1,544-byte vector together, most MedQuAD chunks) had its vector moved out of
-- line, uncompressed, into the toast table. Every distance a search computes from the table (the dense hits,
-- each full-text and name hit, every chunk the article rerank reads) then paid a toast index look-up and a
-- second page. MAIN keeps the vector in the row and moves the text and tsvector out first.
ALTER TABLE chunks ALTER COLUMN embedding SET STORAGE MAIN;

-- The setting applies to rows written from now on; the rewrite brings the stored vectors back in line, and
-- ordering by (article, position) puts an article's chunks on neighbouring pages for the rerank that reads
-- them all. It rebuilds every index, the HNSW graph too: once, like V6.
SET LOCAL maintenance_work_mem = '512MB';
CLUSTER chunks USING chunks_article_id_position_key;
ANALYZE chunks;
