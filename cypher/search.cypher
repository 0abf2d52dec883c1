// Full-text search in both languages (indexes search_en and search_es), best first.
// $queryEn and $queryEs are Lucene queries (either null to leave its index out) built from the user's folded words (nothing in them is
// Lucene syntax but the fields, AND/OR, the last word's prefix and the names' boost): a hit in
// an entity's or variable's own labels outranks one in a description or a document's text. A
// node hit in both indexes keeps its better score. $kinds: null, or the kinds to keep (entity
// kinds, "Variable", "Document"). Keyset-paginated on (score desc, key) after $afterValue and
// $afterKey. An entity hit carries the entity as entities-by-key.cypher returns it, so that its
// fields need no second query.
CALL () {
  WITH $queryEn AS query WHERE query IS NOT NULL
  CALL db.index.fulltext.queryNodes("search_en", query) YIELD node, score
  RETURN node, score
  UNION ALL
  WITH $queryEs AS query WHERE query IS NOT NULL
  CALL db.index.fulltext.queryNodes("search_es", query) YIELD node, score
  RETURN node, score
}
WITH node, max(score) AS score
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
