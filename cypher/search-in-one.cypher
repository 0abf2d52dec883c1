// search.cypher restricted to one language's index ($index: "search_en" or "search_es", with
// its $query): the same hits, ranking and keyset ($afterValue, $afterKey, $limit, $kinds), with
// no union of two indexes to merge.
CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
WITH node, score, coalesce(node.key, node.id) AS key,
     CASE WHEN node:Document THEN "Document" WHEN node:Variable THEN "Variable" ELSE node.kind END AS kind
WHERE ($kinds IS NULL OR kind IN $kinds)
  AND ($afterKey IS NULL OR score < $afterValue OR (score = $afterValue AND key > $afterKey))
WITH node, score, key, kind ORDER BY score DESC, key LIMIT $limit
RETURN key, kind, score,
       CASE WHEN node:Entity
         THEN node {.key, .kind, .name, .nameEs, .aliases, .description, .start, .end, .granularity,
         .labelTexts, .labelLanguages, .labelKinds, .labelSources, .labelDocuments}
       END AS entity
