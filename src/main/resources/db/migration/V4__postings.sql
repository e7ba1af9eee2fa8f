-- Impact-ordered postings: each chunk's lexemes (from its search_text tsvector) with a BM25 term score,
-- so full-text ranking reads only the best few hundred chunks per query term from an index, instead of
-- ranking every chunk that contains a common word (thousands at 100k chunks).
-- Title (A) occurrences count 3, heading (B) 2, body 1; 120 is the typical distinct-lexeme count of a chunk.
CREATE FUNCTION bm25_postings(doc tsvector) RETURNS TABLE (lexeme text, score real)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT u.lexeme, (u.tf * 2.2 / (u.tf + 1.2 * (0.25 + 0.75 * length(doc) / 120.0)))::real
    FROM (SELECT e.lexeme,
                 (SELECT sum(CASE w WHEN 'A' THEN 3 WHEN 'B' THEN 2 ELSE 1 END) FROM unnest(e.weights) AS w) AS tf
          FROM unnest(doc) AS e) u
$$;

CREATE TABLE postings (
    lexeme   text NOT NULL,
    chunk_id text NOT NULL REFERENCES chunks (id) ON DELETE CASCADE,
    score    real NOT NULL,
    PRIMARY KEY (lexeme, chunk_id)
);

CREATE INDEX postings_lexeme_score_idx ON postings (lexeme, score DESC);
CREATE INDEX postings_chunk_idx ON postings (chunk_id);

INSERT INTO postings (lexeme, chunk_id, score)
SELECT p.lexeme, c.id, p.score FROM chunks c, bm25_postings(c.search_text) p;
