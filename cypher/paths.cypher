// The shortest paths (at most $maxHops steps, either direction) between two entities,
// through structural links and through facts (entity <-ABOUT|SCOPE- fact -DURING-> period).
// One row: whether each end exists (and its kind), and the paths, each with its nodes (key
// and type name) and its typed, directed steps. Two ends that are the same entity give no paths.
OPTIONAL MATCH (a:Entity {key: $from})
OPTIONAL MATCH (b:Entity {key: $to})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH p = allShortestPaths((a)-[:RUNS|OPERATES|PROVIDES|LOCATED_IN|HOLDS_ROLE|WITHIN|PART_OF|ADDRESSES|HAS_COMPONENT|ABOUT|SCOPE|DURING|COMPARED_TO*..6]-(b))
  WHERE length(p) <= $maxHops AND all(n IN nodes(p) WHERE n:Entity OR (n:Fact AND NOT coalesce(n.deprecated, false)))
  WITH p LIMIT $limit
  RETURN collect({
    nodes: [n IN nodes(p) | {key: n.key, type: CASE WHEN n:Fact THEN "Fact" ELSE n.kind END}],
    steps: [i IN range(0, length(p) - 1) | {
      type: type(relationships(p)[i]),
      direction: CASE WHEN startNode(relationships(p)[i]) = nodes(p)[i] THEN "OUT" ELSE "IN" END,
      fact: relationships(p)[i].fact
    }]
  }) AS paths
}
RETURN a.kind AS fromKind, b.kind AS toKind, paths
