// One page of facts matching the filters, keyset-paginated on (sort, key):
// $order KEY (sort 0), VALUE_ASC or VALUE_DESC (garbled facts without a value last).
// The candidates come from the most selective anchor the filters give ($source, chosen by the
// loader): the facts about, or scoped to, one entity, citing one document, of one period (or a
// period within it), of one variable, or all facts. Each row carries the fact as
// facts-by-key.cypher returns it (keep the projection identical): its fields need no second query.
// (Key order without an entity or document anchor: facts-page-by-key.cypher.)
CALL () {
  OPTIONAL MATCH (:Entity {key: $period})<-[:WITHIN*0..5]-(p:Entity)
  RETURN collect(DISTINCT p) AS periods
}
CALL (periods) {
  WITH 1 AS x WHERE $source = 'ABOUT'
  MATCH (:Entity {key: $about})<-[:ABOUT]-(f:Fact) RETURN f
  UNION ALL
  WITH 1 AS x WHERE $source = 'SCOPE'
  MATCH (:Entity {key: $scope})<-[:SCOPE]-(f:Fact) RETURN f
  UNION ALL
  WITH 1 AS x WHERE $source = 'DOCUMENT'
  MATCH (:Document {id: $document})<-[:QUOTES]-(:Citation)<-[:CITED_IN]-(f:Fact) RETURN DISTINCT f
  UNION ALL
  WITH periods WHERE $source = 'PERIOD'
  UNWIND periods AS p
  MATCH (p)<-[:DURING]-(f:Fact) RETURN DISTINCT f
  UNION ALL
  WITH 1 AS x WHERE $source = 'VARIABLE'
  MATCH (f:Fact {variable: $variable}) RETURN f
  UNION ALL
  WITH 1 AS x WHERE $source = 'ALL'
  MATCH (f:Fact) RETURN f
}
WITH f, periods
WHERE true
  AND ($includeDeprecated OR NOT coalesce(f.deprecated, false))
  AND ($variable IS NULL OR f.variable = $variable)
  AND ($statistic IS NULL OR f.statistic = $statistic)
  AND ($garbled IS NULL OR f.garbled = $garbled)
  AND ($about IS NULL OR $source = 'ABOUT' OR EXISTS { (f)-[:ABOUT]->(:Entity {key: $about}) })
  AND ($scope IS NULL OR $source = 'SCOPE' OR EXISTS { (f)-[:SCOPE]->(:Entity {key: $scope}) })
  AND ($period IS NULL OR $source = 'PERIOD' OR EXISTS { (f)-[:DURING]->(q) WHERE q IN periods })
  AND ($document IS NULL OR $source = 'DOCUMENT' OR EXISTS { (f)-[:CITED_IN]->(:Citation)-[:QUOTES]->(:Document {id: $document}) })
WITH f, CASE $order WHEN "VALUE_ASC" THEN coalesce(f.value, 1.0e308) WHEN "VALUE_DESC" THEN -coalesce(f.value, -1.0e308) ELSE 0 END AS sort
WHERE $afterKey IS NULL OR sort > $afterValue OR (sort = $afterValue AND f.key > $afterKey)
WITH f, sort ORDER BY sort, f.key LIMIT $limit
WITH f, sort, CASE WHEN $links THEN [(f)-[r:ABOUT|SCOPE|DURING|COMPARED_TO]->(e) | [type(r), e {.key, .kind, .name}]] END AS links
RETURN f.key AS key, sort, f {
  .key, .value, .unit, .statistic, .qualifier, .note, .garbled, .variable, .deprecated, .deprecatedReason,
  linked: links IS NOT NULL,
  about: [l IN links WHERE l[0] = 'ABOUT' | l[1]][0],
  scope: [l IN links WHERE l[0] = 'SCOPE' | l[1]][0],
  period: [l IN links WHERE l[0] = 'DURING' | l[1]][0],
  comparedTo: [l IN links WHERE l[0] = 'COMPARED_TO' | l[1]][0]
} AS fact
