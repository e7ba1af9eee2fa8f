-- The service keeps the vectors of the articles it has just ranked in memory (store/ArticleVectors), so ranking
-- them again for the next question costs no round trip. It reads this version with every question's word counts
-- and drops its copy when the version has moved on; statement triggers bump it in the transaction that changes
-- chunks, whoever changes them (the ingest, a bulk COPY, TRUNCATE).
ALTER TABLE corpus_size ADD COLUMN chunks_version bigint NOT NULL DEFAULT 0;

CREATE FUNCTION chunks_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE corpus_size SET chunks_version = chunks_version + 1;
    RETURN NULL;
END $$;

CREATE TRIGGER chunks_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON chunks
    FOR EACH STATEMENT EXECUTE FUNCTION chunks_changed();
