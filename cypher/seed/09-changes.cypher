// The change log as a backup holds it: each change with its own key and time, linked to its
// target (an entity, a fact or a document) when the graph holds it. Loading twice changes nothing.
// $changes: [{key, at (ISO date-time string), by, action, target, summary}]
UNWIND $changes AS c
MERGE (n:Change {key: c.key})
SET n.at = datetime(c.at), n.by = c.by, n.action = c.action, n.target = c.target,
    n.summary = c.summary
WITH n, c
CALL (n, c) {
  MATCH (target)
  WHERE (target:Entity AND target.key = c.target) OR (target:Fact AND target.key = c.target)
    OR (target:Document AND target.id = c.target)
  MERGE (n)-[:CHANGED]->(target)
}
