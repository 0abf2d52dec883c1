// Full-text search over names, aliases, descriptions and document text (index search_text),
// ranked by score; $query is a Lucene query built from the user's words with every
// special character escaped. Keyset-paginated on (score desc, key). An entity hit carries the
// entity as entities-by-key.cypher returns it, so that its fields need no second query.
CALL db.index.fulltext.queryNodes("search_text", $query) YIELD node, score
WITH node, score, coalesce(node.key, node.id) AS key,
     CASE WHEN node:Document THEN "Document" ELSE node.kind END AS kind
WHERE ($kinds IS NULL OR kind IN $kinds)
  AND ($afterKey IS NULL OR score < $afterValue OR (score = $afterValue AND key > $afterKey))
WITH node, score, key, kind ORDER BY score DESC, key LIMIT $limit
RETURN key, kind, score,
       CASE WHEN node:Entity
         THEN node {.key, .kind, .name, .aliases, .description, .start, .end, .granularity}
       END AS entity
