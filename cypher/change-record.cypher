// Records who changed what, and when, next to what changed (in the change's own transaction).
// $kind: the label of the target ("Entity", "Fact" or "Document"), so that an entity and a fact
// that share a key are told apart and the target is found by its key's index.
// $key, $by, $action, $target (its key, or a document's id), $summary
CALL () {
  MATCH (t:Entity {key: $target}) WHERE $kind = 'Entity' RETURN t
  UNION
  MATCH (t:Fact {key: $target}) WHERE $kind = 'Fact' RETURN t
  UNION
  MATCH (t:Document {id: $target}) WHERE $kind = 'Document' RETURN t
}
CREATE (c:Change {
  key: $key, at: datetime(), by: $by, action: $action, target: $target, summary: $summary
})-[:CHANGED]->(t)
RETURN c.key AS key
