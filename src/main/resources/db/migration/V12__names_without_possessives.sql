-- A name with a possessive ("Leber's amaurosis", "Alzheimer's disease") is also stored without it, as
-- NameText.variants stores it at ingest: people write "Leber amaurosis" and "Alzheimer disease" as often.
-- Questions are looked up in both forms too, so either spelling finds either name.
INSERT INTO article_names (name, article_id, words)
SELECT n.name, n.id, array_length(string_to_array(n.name, ' '), 1)
FROM (SELECT id, trim(regexp_replace(regexp_replace(lower(raw), '[''’]s\M', '', 'g'), '[^[:alnum:]]+', ' ', 'g')) AS name
      FROM (SELECT id, title AS raw FROM articles UNION SELECT id, unnest(also_called) FROM articles) all_names
      WHERE raw ~ '[''’][sS]\M') n
WHERE n.name <> ''
ON CONFLICT DO NOTHING;
