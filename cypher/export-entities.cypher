// Export (/export/graph.*): the entities with their labels, in key order, each with its outgoing
// structural relations to entities also exported ($keys: those a slice links to; null: all).
// The relation types are RELATION_TYPES (src/model/vocabulary.ts), passed as $types.
MATCH (n:Entity)
WHERE n.key > "" AND ($keys IS NULL OR n.key IN $keys)
WITH n ORDER BY n.key
RETURN n {.key, .kind, .name, .description, .start, .end,
          .labelTexts, .labelLanguages, .labelKinds,
          relations: [(n)-[r]->(m:Entity) WHERE type(r) IN $types AND ($keys IS NULL OR m.key IN $keys)
                      | [type(r), m.key]]} AS entity
