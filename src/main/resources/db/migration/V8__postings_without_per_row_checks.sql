-- A chunk's ~70 postings are written by one INSERT ... SELECT from the chunk itself, so they are unique and
-- point at an existing chunk by construction. The primary key (a third B-tree per posting) and the foreign
-- key (a lookup in chunks per posting) only cost the ingest; ArticleStore deletes an article's postings itself,
-- under the article's row lock, before its chunks go.
ALTER TABLE postings DROP CONSTRAINT postings_pkey;
ALTER TABLE postings DROP CONSTRAINT postings_chunk_id_fkey;
