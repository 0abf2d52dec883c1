// The facts of one variable about one entity (or all entities), with their periods, in time order.
MATCH (f:Fact {variable: $variable})-[:DURING]->(p:Entity)
WHERE NOT coalesce(f.deprecated, false)
  AND ($about IS NULL OR EXISTS { (f)-[:ABOUT]->(:Entity {key: $about}) })
RETURN f.key AS key, p.start AS start, p.end AS end
ORDER BY p.start, p.end, f.key
