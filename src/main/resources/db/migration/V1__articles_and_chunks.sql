-- The superuser step in ./healthrag setup creates the extension once; this is a no-op then,
-- and lets a superuser-owned database (e.g. the docker image) bootstrap itself.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE articles (
    id            text PRIMARY KEY,
    title         text        NOT NULL,
    url           text,
    source_path   text        NOT NULL,
    format        text        NOT NULL,
    author        text,
    published     date,
    category      text,
    source        text,
    tags          text[]      NOT NULL DEFAULT '{}',
    also_called   text[]      NOT NULL DEFAULT '{}',
    content_hash  text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX articles_category_idx ON articles (category);
CREATE INDEX articles_tags_idx ON articles USING gin (tags);
CREATE INDEX articles_published_idx ON articles (published);

CREATE TABLE chunks (
    id            text PRIMARY KEY,            -- "<article id>#<position>": stable across runs
    article_id    text        NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position      int         NOT NULL,
    heading       text        NOT NULL DEFAULT '',
    text          text        NOT NULL,
    token_count   int         NOT NULL,
    -- Denormalised so the generated tsvector can weight title and synonyms above body text.
    lexical_title text        NOT NULL DEFAULT '',
    embedding     vector(384) NOT NULL,
    search_text   tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', lexical_title), 'A') ||
        setweight(to_tsvector('english', heading), 'B') ||
        setweight(to_tsvector('english', text), 'C')
    ) STORED,
    UNIQUE (article_id, position)
);

CREATE INDEX chunks_embedding_hnsw_idx ON chunks USING hnsw (embedding vector_cosine_ops);
CREATE INDEX chunks_search_text_idx ON chunks USING gin (search_text);

-- Which embedding model built the index; a different model must re-index, not mix vectors.
CREATE TABLE index_info (
    singleton     boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    embedding_model text NOT NULL,
    dimension     int  NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
