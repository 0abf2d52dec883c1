// For each parent key (an entity, a document or a variable): one page of its facts,
// reached from it through $relTypes (ABOUT, SCOPE, DURING, MEASURES)
// or, when $anchor is DOCUMENT, through the citations that quote it, with the filters and ordering of facts-page.cypher.
UNWIND $keys AS parentKey
CALL (parentKey) {
  OPTIONAL MATCH (e:Entity {key: parentKey}) WHERE NOT $anchor IN ["DOCUMENT", "VARIABLE"]
  OPTIONAL MATCH (d:Document {id: parentKey}) WHERE $anchor = "DOCUMENT"
  OPTIONAL MATCH (v:Variable {key: parentKey}) WHERE $anchor = "VARIABLE"
  RETURN coalesce(e, d, v) AS p
}
CALL (p) {
  CALL (p) {
    MATCH (p)<-[rel]-(f:Fact) WHERE type(rel) IN $relTypes RETURN f
    UNION
    MATCH (p)<-[:QUOTES]-(:Citation)<-[:CITED_IN]-(f:Fact) WHERE $anchor = "DOCUMENT" RETURN f
  }
  WITH DISTINCT f
  WHERE true
  AND ($includeDeprecated OR NOT coalesce(f.deprecated, false))
  AND ($variable IS NULL OR f.variable = $variable)
  AND ($statistic IS NULL OR f.statistic = $statistic)
  AND ($garbled IS NULL OR f.garbled = $garbled)
  AND ($about IS NULL OR EXISTS { (f)-[:ABOUT]->(:Entity {key: $about}) })
  AND ($scope IS NULL OR EXISTS { (f)-[:SCOPE]->(:Entity {key: $scope}) })
  AND ($period IS NULL OR EXISTS { (f)-[:DURING]->(:Entity)-[:WITHIN*0..5]->(:Entity {key: $period}) })
  AND ($document IS NULL OR EXISTS { (f)-[:CITED_IN]->(:Citation)-[:QUOTES]->(:Document {id: $document}) })
  WITH f, CASE $order WHEN "VALUE_ASC" THEN coalesce(f.value, 1.0e308) WHEN "VALUE_DESC" THEN -coalesce(f.value, -1.0e308) ELSE 0 END AS sort
  WHERE $afterKey IS NULL OR sort > $afterValue OR (sort = $afterValue AND f.key > $afterKey)
  WITH f, sort ORDER BY sort, f.key LIMIT $limit
  RETURN collect({key: f.key, sort: sort}) AS rows
}
RETURN parentKey, rows
