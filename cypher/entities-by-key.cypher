// Entities by key (any kind); the loader restores the order of $keys.
UNWIND $keys AS key
MATCH (n:Entity {key: key})
RETURN n {.key, .kind, .name, .nameEs, .aliases, .description, .start, .end, .granularity,
         .labelTexts, .labelLanguages, .labelKinds, .labelSources, .labelDocuments} AS node
