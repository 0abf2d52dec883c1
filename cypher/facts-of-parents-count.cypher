// For each parent key: how many facts facts-of-parents-page.cypher pages through.
CALL () {
  OPTIONAL MATCH (:Entity {key: $period})<-[:WITHIN*0..5]-(q:Entity)
  RETURN collect(DISTINCT q) AS periods
}
UNWIND $keys AS parentKey
CALL (parentKey) {
  OPTIONAL MATCH (e:Entity {key: parentKey}) WHERE NOT $anchor IN ["DOCUMENT", "VARIABLE"]
  OPTIONAL MATCH (d:Document {id: parentKey}) WHERE $anchor = "DOCUMENT"
  OPTIONAL MATCH (v:Variable {key: parentKey}) WHERE $anchor = "VARIABLE"
  RETURN coalesce(e, d, v) AS p
}
CALL (p, periods) {
  CALL (p) {
    MATCH (p)<-[rel]-(f:Fact) WHERE type(rel) IN $relTypes RETURN f
    UNION
    MATCH (p)<-[:QUOTES]-(:Citation)<-[:CITED_IN]-(f:Fact) WHERE $anchor = "DOCUMENT" RETURN f
  }
  WITH DISTINCT f, periods
  WHERE true
  AND ($includeDeprecated OR NOT coalesce(f.deprecated, false))
  AND ($variable IS NULL OR f.variable = $variable)
  AND ($statistic IS NULL OR f.statistic = $statistic)
  AND ($garbled IS NULL OR f.garbled = $garbled)
  AND ($about IS NULL OR EXISTS { (f)-[:ABOUT]->(:Entity {key: $about}) })
  AND ($scope IS NULL OR EXISTS { (f)-[:SCOPE]->(:Entity {key: $scope}) })
  AND ($period IS NULL OR EXISTS { (f)-[:DURING]->(q) WHERE q IN periods })
  AND ($document IS NULL OR EXISTS { (f)-[:CITED_IN]->(:Citation)-[:QUOTES]->(:Document {id: $document}) })
  RETURN count(f) AS total
}
RETURN parentKey, total
