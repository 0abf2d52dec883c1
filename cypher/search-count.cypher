// How many hits search.cypher pages through (same parameters, without the page's).
CALL () {
  WITH $queryEn AS query WHERE query IS NOT NULL
  CALL db.index.fulltext.queryNodes("search_en", query) YIELD node
  RETURN node
  UNION
  WITH $queryEs AS query WHERE query IS NOT NULL
  CALL db.index.fulltext.queryNodes("search_es", query) YIELD node
  RETURN node
}
WITH CASE WHEN node:Document THEN "Document" WHEN node:Variable THEN "Variable" ELSE node.kind END AS kind
WHERE $kinds IS NULL OR kind IN $kinds
RETURN count(*) AS total
