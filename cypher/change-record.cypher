// Records who changed what, and when, next to what changed (in the change's own transaction).
MATCH (target) WHERE (target:Entity AND target.key = $target) OR (target:Fact AND target.key = $target)
  OR (target:Document AND target.id = $target)
CREATE (c:Change {
  key: $key, at: datetime(), by: $by, action: $action, target: $target, summary: $summary
})-[:CHANGED]->(target)
RETURN c.key AS key
