// The rows of a page of entities, appended by src/loaders/where/entity-page.ts to the clause
// that yields each entity `n` of the page with its sort values `sort` (ordered, limited): `node`
// is the entity as entities-by-key.cypher returns it (keep the projection identical).
RETURN n {.key, .kind, .name, .nameEs, .aliases, .description, .start, .end, .granularity,
         .labelTexts, .labelLanguages, .labelKinds, .labelSources, .labelDocuments} AS node, sort
