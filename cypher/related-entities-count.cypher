// For each parent key: how many links related-entities-tree.cypher would page through
// (the same structural types, expanded by type and direction; {{where}}: the predicate of the
// level's EntityWhere on n, filled by src/loaders/relations.ts, true: none).
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
    AND {{where}}
  RETURN count(r) AS total
}
RETURN parentKey, total
