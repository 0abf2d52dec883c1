// One page of facts in key order, read along the unique index on Fact.key from the cursor on
// ($afterKey, "" for page 1) and stopping at $limit: page k costs what page 1 costs, whatever the
// length of the list. For lists that no single entity or document anchors (filters on variable,
// period, statistic, garbled), with the filters of facts-page.cypher. Each row carries the fact
// as facts-by-key.cypher returns it (keep the projection identical).
CALL () {
  OPTIONAL MATCH (:Entity {key: $period})<-[:WITHIN*0..5]-(p:Entity)
  RETURN collect(DISTINCT p) AS periods
}
MATCH (f:Fact)
WHERE f.key > $afterKey
WITH f, periods
WHERE true
  AND ($includeDeprecated OR NOT coalesce(f.deprecated, false))
  AND ($variable IS NULL OR f.variable = $variable)
  AND ($statistic IS NULL OR f.statistic = $statistic)
  AND ($garbled IS NULL OR f.garbled = $garbled)
  AND ($about IS NULL OR EXISTS { (f)-[:ABOUT]->(:Entity {key: $about}) })
  AND ($scope IS NULL OR EXISTS { (f)-[:SCOPE]->(:Entity {key: $scope}) })
  AND ($period IS NULL OR EXISTS { (f)-[:DURING]->(q) WHERE q IN periods })
  AND ($document IS NULL OR EXISTS { (f)-[:CITED_IN]->(:Citation)-[:QUOTES]->(:Document {id: $document}) })
WITH f ORDER BY f.key LIMIT $limit
WITH f, CASE WHEN $links THEN [(f)-[r:ABOUT|SCOPE|DURING|COMPARED_TO]->(e) | [type(r), e {.key, .kind, .name}]] END AS links
RETURN f.key AS key, 0 AS sort, f {
  .key, .value, .unit, .statistic, .qualifier, .note, .garbled, .variable, .deprecated, .deprecatedReason,
  linked: links IS NOT NULL,
  about: [l IN links WHERE l[0] = 'ABOUT' | l[1]][0],
  scope: [l IN links WHERE l[0] = 'SCOPE' | l[1]][0],
  period: [l IN links WHERE l[0] = 'DURING' | l[1]][0],
  comparedTo: [l IN links WHERE l[0] = 'COMPARED_TO' | l[1]][0]
} AS fact
