-- IDF needs the number of articles on every query; counting them each time costs a millisecond per question
-- at 20,000 articles. Triggers keep the count in step inside the transaction that changes articles, whoever
-- writes them (the ingest, a bulk COPY, TRUNCATE).
CREATE TABLE corpus_size (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    articles  bigint  NOT NULL
);
INSERT INTO corpus_size (articles) SELECT count(*) FROM articles;

CREATE FUNCTION corpus_size_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE corpus_size SET articles = articles + (SELECT count(*) FROM added);
    RETURN NULL;
END $$;

CREATE FUNCTION corpus_size_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE corpus_size SET articles = articles - (SELECT count(*) FROM removed);
    RETURN NULL;
END $$;

CREATE FUNCTION corpus_size_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE corpus_size SET articles = 0;
    RETURN NULL;
END $$;

-- For INSERT ... ON CONFLICT DO UPDATE the "added" table holds only the rows actually inserted.
CREATE TRIGGER articles_added AFTER INSERT ON articles REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION corpus_size_added();
CREATE TRIGGER articles_removed AFTER DELETE ON articles REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION corpus_size_removed();
CREATE TRIGGER articles_emptied AFTER TRUNCATE ON articles
    FOR EACH STATEMENT EXECUTE FUNCTION corpus_size_emptied();
