// For each parent key: one page of the entities linked to it by $types in $direction
// ('OUT', 'IN' or 'BOTH'), with the link's type, direction and properties, keyset-paginated
// on (lower-case name, key). One query for all parents.
UNWIND $keys AS parentKey
MATCH (p:Entity {key: parentKey})
CALL (p) {
  MATCH (p)-[r]-(n:Entity)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($direction = 'BOTH' OR ($direction = 'OUT') = (startNode(r) = p))
    AND ($kinds IS NULL OR n.kind IN $kinds)
  WITH r, n, toLower(n.name) AS sort
  WHERE $afterKey IS NULL OR sort > $afterValue OR (sort = $afterValue AND n.key > $afterKey)
  WITH r, n, sort ORDER BY sort, n.key, type(r) LIMIT $limit
  RETURN collect({
    node: n {.key, .kind, .name, .aliases, .description, .start, .end, .granularity},
    sort: sort,
    type: type(r),
    direction: CASE WHEN startNode(r) = p THEN 'OUT' ELSE 'IN' END,
    fact: r.fact,
    period: r.period,
    properties: properties(r)
  }) AS edges
}
RETURN parentKey, edges
