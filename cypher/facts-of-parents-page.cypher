// For each parent key (an entity, a document or a variable): one page of its facts,
// reached from it through $relTypes (ABOUT, SCOPE, DURING, MEASURES)
// or, when $anchor is DOCUMENT, through the citations that quote it, with the filters and ordering of facts-page.cypher.
// Each row carries the fact as facts-by-key.cypher returns it (keep the projection identical).
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
  WITH f, CASE $order WHEN "VALUE_ASC" THEN coalesce(f.value, 1.0e308) WHEN "VALUE_DESC" THEN -coalesce(f.value, -1.0e308) ELSE 0 END AS sort
  WHERE $afterKey IS NULL OR sort > $afterValue OR (sort = $afterValue AND f.key > $afterKey)
  WITH f, sort ORDER BY sort, f.key LIMIT $limit
  WITH f, sort, CASE WHEN $links THEN [(f)-[r:ABOUT|SCOPE|DURING|COMPARED_TO]->(e) | [type(r), e {.key, .kind, .name}]] END AS links
  RETURN collect({key: f.key, sort: sort, fact: f {
      .key, .value, .unit, .statistic, .qualifier, .note, .garbled, .variable, .deprecated, .deprecatedReason,
      linked: links IS NOT NULL,
      about: [l IN links WHERE l[0] = 'ABOUT' | l[1]][0],
      scope: [l IN links WHERE l[0] = 'SCOPE' | l[1]][0],
      period: [l IN links WHERE l[0] = 'DURING' | l[1]][0],
      comparedTo: [l IN links WHERE l[0] = 'COMPARED_TO' | l[1]][0]
    }}) AS rows
}
RETURN parentKey, rows AS items
