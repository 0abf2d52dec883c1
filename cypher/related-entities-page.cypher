// For each parent key: one page of the entities linked to it by $types in $direction
// ('OUT', 'IN' or 'BOTH'), with the link's type, direction, fact, period, role and source,
// keyset-paginated on (lower-case name, key). One query for all parents.
// Each entity comes as key, kind and name only: a page over hundreds of parents returns
// hundreds of rows, and their details (aliases, description, dates) are read by key only
// when a field asks for them (src/loaders/entities.ts, entityDetails).
// Only the structural relationship types are expanded (by type and direction), never the
// parent's fact links (ABOUT, SCOPE, DURING...): a facility with thousands of facts costs
// what its two links cost.
UNWIND $keys AS parentKey
MATCH (p:Entity {key: parentKey})
CALL (p) {
  CALL (p) {
    WITH p WHERE $direction <> 'IN'
    MATCH (p)-[r:RUNS|OPERATES|PROVIDES|LOCATED_IN|HOLDS_ROLE|WITHIN|PART_OF|ADDRESSES|HAS_COMPONENT]->(n:Entity)
    RETURN r, n
    UNION ALL
    WITH p WHERE $direction <> 'OUT'
    MATCH (p)<-[r:RUNS|OPERATES|PROVIDES|LOCATED_IN|HOLDS_ROLE|WITHIN|PART_OF|ADDRESSES|HAS_COMPONENT]-(n:Entity)
    RETURN r, n
  }
  WITH r, n
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($kinds IS NULL OR n.kind IN $kinds)
  WITH r, n, toLower(n.name) AS sort
  WHERE $afterKey IS NULL OR sort > $afterValue OR (sort = $afterValue AND n.key > $afterKey)
  WITH r, n, sort ORDER BY sort, n.key, type(r) LIMIT $limit
  RETURN collect({
    node: n {.key, .kind, .name},
    sort: sort,
    type: type(r),
    direction: CASE WHEN startNode(r) = p THEN 'OUT' ELSE 'IN' END,
    fact: r.fact,
    period: r.period,
    role: r.role,
    sourceDocument: r.sourceDocument,
    sourceQuote: r.sourceQuote
  }) AS edges
}
RETURN parentKey, edges
