// One ring of a breadth-first walk: the structural links of each entity in $keys.
UNWIND $keys AS key
MATCH (a:Entity {key: key})-[r:RUNS|OPERATES|PROVIDES|LOCATED_IN|HOLDS_ROLE|WITHIN|PART_OF|ADDRESSES|HAS_COMPONENT]-(b:Entity)
RETURN startNode(r).key AS from, endNode(r).key AS to, type(r) AS type, r.fact AS fact
ORDER BY from, type, to
