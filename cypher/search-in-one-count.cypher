// How many hits search-in-one.cypher pages through ($index, $query, $kinds).
CALL db.index.fulltext.queryNodes($index, $query) YIELD node
WITH CASE WHEN node:Document THEN "Document" WHEN node:Variable THEN "Variable" ELSE node.kind END AS kind
WHERE $kinds IS NULL OR kind IN $kinds
RETURN count(*) AS total
