-- Every name an article goes by (its title and each "also called"), normalised the way questions are
-- (lower case, anything but letters and digits as single spaces), so a question that names the
-- condition finds the article by exact phrase lookup: no scan, whatever the corpus size.
CREATE TABLE article_names (
    name       text NOT NULL,
    article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    words      int  NOT NULL,
    PRIMARY KEY (name, article_id)
);

CREATE INDEX article_names_article_idx ON article_names (article_id);

INSERT INTO article_names (name, article_id, words)
SELECT n.name, n.id, array_length(string_to_array(n.name, ' '), 1)
FROM (SELECT id, trim(regexp_replace(regexp_replace(lower(raw), '[''’]s\M', 's', 'g'), '[^[:alnum:]]+', ' ', 'g')) AS name
      FROM (SELECT id, title AS raw FROM articles UNION SELECT id, unnest(also_called) FROM articles) all_names) n
WHERE n.name <> ''
ON CONFLICT DO NOTHING;
