// One page of facts matching the filters, keyset-paginated on (sort, key):
// $order KEY (sort 0), VALUE_ASC or VALUE_DESC (garbled facts without a value last).
MATCH (f:Fact)
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
RETURN f.key AS key, sort
ORDER BY sort, f.key
LIMIT $limit
