// The shortest paths (at most $maxHops steps, either direction) between two entities,
// through structural links and through facts (entity <-ABOUT|SCOPE- fact -DURING-> period).
// Each path: its nodes (key and type name) and its typed, directed steps.
MATCH (a:Entity {key: $from}), (b:Entity {key: $to})
MATCH p = allShortestPaths((a)-[:RUNS|OPERATES|PROVIDES|LOCATED_IN|HOLDS_ROLE|WITHIN|PART_OF|ADDRESSES|HAS_COMPONENT|ABOUT|SCOPE|DURING|COMPARED_TO*..6]-(b))
WHERE length(p) <= $maxHops AND all(n IN nodes(p) WHERE n:Entity OR (n:Fact AND NOT coalesce(n.deprecated, false)))
WITH p LIMIT $limit
RETURN [n IN nodes(p) | {key: n.key, type: CASE WHEN n:Fact THEN "Fact" ELSE n.kind END}] AS nodes,
       [i IN range(0, length(p) - 1) | {
          type: type(relationships(p)[i]),
          direction: CASE WHEN startNode(relationships(p)[i]) = nodes(p)[i] THEN "OUT" ELSE "IN" END,
          fact: relationships(p)[i].fact
       }] AS steps
