-- Trigram matching lets the lexical search correct misspelt query words against the corpus vocabulary.
-- pg_trgm is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Every word of the corpus with the number of articles it appears in: the inverse document frequency
-- that weights query terms (PostgreSQL's ts_rank has none) and the vocabulary for spelling correction.
-- Rebuilt by the ingest job whenever articles change.
CREATE TABLE lexicon (
    word      text PRIMARY KEY,
    articles  int  NOT NULL
);

-- GiST, not GIN: it answers nearest-by-trigram-distance (ORDER BY word <-> typo) without a similarity floor,
-- and a misspelling such as "nuemonia" shares few trigrams with "pneumonia".
CREATE INDEX lexicon_word_trgm_idx ON lexicon USING gist (word gist_trgm_ops);

-- Articles indexed before this migration get their counts now; from here on the ingest keeps them in step.
INSERT INTO lexicon (word, articles)
SELECT w, count(DISTINCT c.article_id)
FROM chunks c, regexp_split_to_table(lower(c.lexical_title || ' ' || c.heading || ' ' || c.text), '[^[:alnum:]]+') AS w
WHERE length(w) BETWEEN 2 AND 40
GROUP BY w;
