// For each parent key: one page of the entities linked to it by $types in $direction
// ('OUT', 'IN' or 'BOTH'), and with $links the link's type, direction, fact, period, role and
// source (only when the client asks for one of them: their properties are not read otherwise),
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
  // A tuple per edge (fewer bytes than a map): [key, kind, name, sort], and with $links the
  // link after it: [..., type, direction, fact, period, role, sourceDocument, sourceQuote].
  RETURN collect(CASE WHEN $links
    THEN [n.key, n.kind, n.name, sort, type(r), CASE WHEN startNode(r) = p THEN 'OUT' ELSE 'IN' END,
          r.fact, r.period, r.role, r.sourceDocument, r.sourceQuote]
    ELSE [n.key, n.kind, n.name, sort]
  END) AS edges
}
RETURN parentKey, edges
