// Export (/export/graph.*) of a filtered slice: what the selected facts refer to, so that the
// graph export carries them and nothing else: the documents their citations quote, the
// variables they measure and the entities they link to (about, scope, period, compared to).
// The candidates and filters are facts-page.cypher's (keep them identical). Lists of keys only:
// as long as the graph has entities, whatever the number of facts.
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
CALL (f) {
  MATCH (f)-[:ABOUT|SCOPE|DURING|COMPARED_TO]->(e:Entity) RETURN 'entity' AS kind, e.key AS key
  UNION ALL
  MATCH (f)-[:MEASURES]->(v:Variable) RETURN 'variable' AS kind, v.key AS key
  UNION ALL
  MATCH (f)-[:CITED_IN]->(:Citation)-[:QUOTES]->(d:Document) RETURN 'document' AS kind, d.id AS key
}
RETURN kind, collect(DISTINCT key) AS keys
