// For each target key (an entity or a fact): its change history, newest first.
UNWIND $keys AS key
CALL (key) {
  MATCH (c:Change {target: key})
  WITH c ORDER BY c.at DESC, c.key
  RETURN collect(c {.key, .by, .action, .target, .summary, at: toString(c.at)}) AS changes
}
RETURN key AS parentKey, changes AS items
