// The facts of one variable about one entity (or all entities), with their periods, in time order.
// With $about, the facts are reached from that entity; without, through the index on variable.
CALL () {
  WITH 1 AS x WHERE $about IS NOT NULL
  MATCH (:Entity {key: $about})<-[:ABOUT]-(f:Fact) WHERE f.variable = $variable RETURN f
  UNION ALL
  WITH 1 AS x WHERE $about IS NULL
  MATCH (f:Fact {variable: $variable}) RETURN f
}
MATCH (f)-[:DURING]->(p:Entity)
WHERE NOT coalesce(f.deprecated, false)
RETURN f.key AS key, p.start AS start, p.end AS end
ORDER BY p.start, p.end, f.key
