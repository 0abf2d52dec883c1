// Backup: every structural relation between entities, with all its properties (fact, period,
// source, and extra ones such as a role), in a stable order.
// $types: the structural relation types (RELATION_TYPES of src/model/vocabulary.ts).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $types
RETURN a.key AS from, type(r) AS type, b.key AS to, properties(r) AS properties
ORDER BY from, type, to
