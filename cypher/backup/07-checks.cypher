// Backup: every part-of-total check with its parts and totals in their order, by key.
// No parameters.
MATCH (c:Check)
RETURN c {
  .key, .name, .description,
  parts: COLLECT { MATCH (c)-[p:PART]->(f:Fact) WITH p, f ORDER BY p.ordinal RETURN f.key },
  totals: COLLECT { MATCH (c)-[t:TOTAL]->(f:Fact) WITH t, f ORDER BY t.ordinal RETURN f.key }
} AS check
ORDER BY c.key
