// How many entities match the filters of entities-page.cypher.
MATCH (n:Entity)
WHERE ($kinds IS NULL OR n.kind IN $kinds)
  AND ($text IS NULL OR n.searchNames CONTAINS $text OR n.key CONTAINS $text)
  AND ($relatedTo IS NULL OR EXISTS { (n)--(:Entity {key: $relatedTo}) })
RETURN count(n) AS total
