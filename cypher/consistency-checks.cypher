// Each part-of-total check with the keys and values of its parts and stated totals.
MATCH (c:Check)
CALL (c) {
  MATCH (c)-[r:PART]->(f:Fact)
  WITH r, f ORDER BY r.ordinal
  RETURN collect(f.key) AS parts, collect(f.value) AS partValues
}
CALL (c) {
  MATCH (c)-[r:TOTAL]->(f:Fact)
  WITH r, f ORDER BY r.ordinal
  RETURN collect(f.key) AS totals, collect(f.value) AS totalValues
}
RETURN c.key AS key, c.name AS name, c.description AS description, parts, partValues, totals, totalValues
ORDER BY key
