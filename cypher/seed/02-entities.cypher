// Entities: one :Entity node per key, with a second label naming its kind.
UNWIND $entities AS e
MERGE (n:Entity {key: e.key})
SET n:$(e.kind),
    n.kind = e.kind,
    n.name = e.name,
    n.aliases = e.aliases,
    n.aliasText = e.aliasText,
    n.description = e.description,
    n.start = e.start,
    n.end = e.end,
    n.granularity = e.granularity
SET n += e.properties
