// Export (/export/*): every fact that the filters of facts(filter:) select, when an entity
// (about, scope) or a document anchors them, in key order (a sort of the anchored slice).
// The candidates and filters are facts-page.cypher's; the projection is
// export-facts-by-key.cypher's (keep them identical).
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
}
WITH f, periods
WHERE true
  AND ($includeDeprecated OR NOT coalesce(f.deprecated, false))
  AND ($variable IS NULL OR f.variable = $variable)
  AND ($statistic IS NULL OR f.statistic = $statistic)
  AND ($garbled IS NULL OR f.garbled = $garbled)
  AND ($about IS NULL OR $source = 'ABOUT' OR EXISTS { (f)-[:ABOUT]->(:Entity {key: $about}) })
  AND ($scope IS NULL OR $source = 'SCOPE' OR EXISTS { (f)-[:SCOPE]->(:Entity {key: $scope}) })
  AND ($period IS NULL OR EXISTS { (f)-[:DURING]->(q) WHERE q IN periods })
  AND ($document IS NULL OR $source = 'DOCUMENT' OR EXISTS { (f)-[:CITED_IN]->(:Citation)-[:QUOTES]->(:Document {id: $document}) })
WITH f ORDER BY f.key
RETURN f {
  .key, .value, .unit, .statistic, .qualifier, .garbled,
  deprecated: coalesce(f.deprecated, false),
  variable: [(f)-[:MEASURES]->(v:Variable) | v {.key, .name}][0],
  about: [(f)-[:ABOUT]->(e) | e {.key, .name}][0],
  scope: [(f)-[:SCOPE]->(e) | e {.key, .name}][0],
  period: [(f)-[:DURING]->(e) | e {.key, .name, .start, .end}][0],
  comparedTo: [(f)-[:COMPARED_TO]->(e) | e {.key}][0],
  conflicts: COLLECT {
    MATCH (f)-[r:CONFLICTS_WITH]-(other:Fact)
    WITH r, other ORDER BY other.key
    RETURN {fact: other.key, note: r.note}
  },
  citations: COLLECT {
    MATCH (f)-[:CITED_IN]->(c:Citation)-[:QUOTES]->(d:Document)
    WITH c, d ORDER BY c.ordinal, c.key
    RETURN c {.key, .quote, .start, .end, .garbled, document: d.id, date: d.date}
  }
} AS fact
