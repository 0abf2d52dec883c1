// For each parent key: how many links related-entities-page.cypher would page through.
UNWIND $keys AS parentKey
MATCH (p:Entity {key: parentKey})
CALL (p) {
  MATCH (p)-[r]-(n:Entity)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($direction = 'BOTH' OR ($direction = 'OUT') = (startNode(r) = p))
    AND ($kinds IS NULL OR n.kind IN $kinds)
  RETURN count(r) AS total
}
RETURN parentKey, total
