// For each fact key: the facts it conflicts with (either direction), with the note.
UNWIND $keys AS factKey
MATCH (f:Fact {key: factKey})
CALL (f) {
  MATCH (f)-[r:CONFLICTS_WITH]-(other:Fact)
  WITH r, other ORDER BY other.key
  RETURN collect({fact: other.key, note: r.note}) AS conflicts
}
RETURN factKey AS parentKey, conflicts AS items
