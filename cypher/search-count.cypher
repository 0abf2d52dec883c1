// How many hits search.cypher pages through.
CALL db.index.fulltext.queryNodes("search_text", $query) YIELD node
WITH CASE WHEN node:Document THEN "Document" ELSE node.kind END AS kind
WHERE $kinds IS NULL OR kind IN $kinds
RETURN count(*) AS total
