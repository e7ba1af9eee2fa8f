-- The abbreviations each article defines ("normal pressure hydrocephalus (NPH)"), found at ingest by
-- ingest/AbbreviationExtractor, so a question that writes the short form can search for the long one.
-- short_key is the short form as a question's word is looked up (normalised, no spaces: store/Abbreviation.key),
-- long_key the long form normalised as article names are (store/NameText), which groups the same pair written
-- in different cases across articles.
CREATE TABLE article_abbreviations (
    article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    short_key  text NOT NULL,
    short_form text NOT NULL,
    long_key   text NOT NULL,
    long_form  text NOT NULL,
    PRIMARY KEY (article_id, short_key, long_key)
);

CREATE INDEX article_abbreviations_short_idx ON article_abbreviations (short_key);

-- The extractor's version each article's pairs were made with; 0 (every article stored before this migration)
-- means none yet, so the next ingest extracts them from the unchanged articles too, without re-embedding.
ALTER TABLE articles ADD COLUMN abbreviations_version int NOT NULL DEFAULT 0;

-- The service holds the pairs in memory and reloads them when this version moves on (as for the vocabulary, V7).
CREATE TRIGGER article_abbreviations_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON article_abbreviations
    FOR EACH STATEMENT EXECUTE FUNCTION vocabulary_changed();
